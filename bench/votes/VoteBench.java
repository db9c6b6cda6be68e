import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.alliancehub.AllianceHub;
import org.alliancehub.governance.Ballots;
import org.alliancehub.governance.GovernanceTypes.MeetingKind;
import org.alliancehub.governance.GovernanceTypes.MeetingMode;
import org.alliancehub.governance.MeetingView;
import org.alliancehub.governance.Meetings;
import org.alliancehub.governance.NewMeeting;
import org.alliancehub.governance.NewMotion;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.RoleGrant;
import org.alliancehub.identity.Tokens;
import org.alliancehub.identity.Users;
import org.alliancehub.membership.MembershipRole;
import org.alliancehub.membership.Memberships;
import org.alliancehub.membership.NewMembership;
import org.alliancehub.membership.NewOrganization;
import org.alliancehub.membership.OrganizationType;
import org.alliancehub.membership.Organizations;
import org.alliancehub.network.Alliance;
import org.alliancehub.network.Alliances;
import org.alliancehub.network.NewAlliance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A thousand voting organisations vote on one motion over HTTP, each sending its vote twice at once;
 * every vote must be counted exactly once, every double refused, and the ballot log must give the totals.
 * Run it with bench/vote-bench.sh.
 */
public class VoteBench {

	public static void main(String[] args) throws Exception {
		int voters = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
		Path data = Files.createTempDirectory("alliancehub-vote-bench");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AllianceHub.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--alliancehub.data=" + data, "--alliancehub.demo=false",
				"--alliancehub.admin-password=bench-admin-password", "--logging.level.root=WARN",
				"--server.tomcat.threads.max=64", "--spring.datasource.hikari.maximum-pool-size=20")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Users users = app.getBean(Users.class);
			AllianceUser admin = users.loadUserByUsername("admin");
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
			Alliance alliance = app.getBean(Alliances.class).create(new NewAlliance("vote-bench", "表决压测联盟", "压测联盟",
					"渣浆泵", null, null, null, null, null));
			Organizations organizations = app.getBean(Organizations.class);
			Memberships memberships = app.getBean(Memberships.class);
			Tokens tokens = app.getBean(Tokens.class);
			List<String> bearer = new ArrayList<>();
			long setup = System.nanoTime();
			for (int i = 0; i < voters; i++) {
				long org = organizations.create(new NewOrganization("表决单位" + i, OrganizationType.ENTERPRISE, null, null,
						null, null)).id();
				memberships.grant(alliance.id(), new NewMembership(org, MembershipRole.COUNCIL, null));
				var user = users.create("voter" + i, "代表" + i, null, "voter-password-" + i, List.of(RoleGrant.memberRep(org)));
				bearer.add(tokens.issue(users.loadUserByUsername(user.username())).token());
			}
			Meetings meetings = app.getBean(Meetings.class);
			MeetingView meeting = meetings.call("vote-bench", new NewMeeting(MeetingKind.COUNCIL, 1, 1, null,
					OffsetDateTime.now(), MeetingMode.ONLINE, null, "https://meeting.example.org/bench", null));
			for (MeetingView.Participant p : meeting.participants()) {
				meetings.attendance(meeting.id(), p.organizationId(), true);
			}
			long motion = meetings.propose(meeting.id(), new NewMotion("压测议案", null, null, null, null, null)).id();
			Ballots ballots = app.getBean(Ballots.class);
			ballots.open(motion);
			System.out.printf("setup: %,d voting organisations with their representatives in %.1f s%n", voters,
					(System.nanoTime() - setup) / 1e9);

			HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(threads)).build();
			String[] choices = { "YES", "NO", "ABSTAIN" };
			List<Integer> order = new ArrayList<>();
			for (int i = 0; i < voters; i++) {
				order.add(i);
				order.add(i);
			}
			Collections.shuffle(order, new java.util.Random(1));
			AtomicInteger created = new AtomicInteger();
			AtomicInteger conflicts = new AtomicInteger();
			AtomicInteger other = new AtomicInteger();
			double[] latencies = new double[order.size()];
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			List<Future<?>> futures = new ArrayList<>();
			long start = System.nanoTime();
			for (int k = 0; k < order.size(); k++) {
				int slot = k;
				int voter = order.get(k);
				futures.add(pool.submit(() -> {
					long t = System.nanoTime();
					HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/motions/" + motion + "/votes"))
						.header("Authorization", "Bearer " + bearer.get(voter))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"" + choices[voter % 3] + "\"}"))
						.build();
					int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
					latencies[slot] = (System.nanoTime() - t) / 1e6;
					(status == 201 ? created : status == 409 ? conflicts : other).incrementAndGet();
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			pool.shutdown();
			Arrays.sort(latencies);
			var result = ballots.close(motion);
			var verification = ballots.verify(motion);
			int expectedYes = (voters + 2) / 3;
			System.out.printf("%,d vote requests (each organisation twice, at once) in %.2f s: %,.0f requests/s, %,.0f counted votes/s%n",
					order.size(), seconds, order.size() / seconds, created.get() / seconds);
			System.out.printf("latency p50 %.1f ms, p99 %.1f ms%n", latencies[latencies.length / 2],
					latencies[(int) Math.ceil(0.99 * latencies.length) - 1]);
			System.out.printf("answers: 201 × %,d, 409 × %,d, other × %,d%n", created.get(), conflicts.get(), other.get());
			System.out.printf("result: yes %d, no %d, abstain %d (cast %d); ballot log: %d entries, valid %s, totals match %s%n",
					result.yes(), result.no(), result.abstain(), result.cast(), verification.entries(), verification.valid(),
					verification.matchesResult());
			boolean ok = created.get() == voters && conflicts.get() == voters && other.get() == 0 && result.cast() == voters
					&& result.yes() == expectedYes && verification.valid() && verification.entries() == voters;
			System.out.println("every vote counted exactly once, every double refused, log verified: " + (ok ? "yes" : "NO"));
			System.out.println("within 10 s: " + (seconds <= 10 ? "yes" : "no"));
		}
		finally {
			try (var files = Files.walk(data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
