package org.alliancehub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The endpoint matrix: every operation of the OpenAPI document, called as six callers with every path
 * variable pointing at objects of alliance B (the caller's own alliance A is another one). A 2xx that the
 * rule table does not allow, a 5xx, a 2xx to an outsider whose body names one of B's private objects, or an
 * operation without a rule fails the test, each listed as "METHOD path as caller → status". A new endpoint
 * is covered without anyone writing a test for it: until someone writes its rule it counts as missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointMatrixIntegrationTests extends IntegrationTest {

	/** The six callers, in the order they call: the outsiders first, so a write they may not do finds things intact. */
	enum Caller {
		ANONYMOUS, REP_OF_A, SECRETARIAT_OF_A, REP_OF_B, SECRETARIAT_OF_B, ADMIN
	}

	static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

	/** Who reads B's members-only and participants' objects (B's representative takes part in everything of B). */
	static final Set<Caller> B_READERS = EnumSet.of(Caller.REP_OF_B, Caller.SECRETARIAT_OF_B, Caller.ADMIN);

	static final Set<Caller> B_MANAGERS = EnumSet.of(Caller.SECRETARIAT_OF_B, Caller.ADMIN);

	static final Set<Caller> ACTS_FOR_B_MEMBER = EnumSet.of(Caller.REP_OF_B, Caller.ADMIN);

	static final Set<Caller> ANY_SECRETARIAT = EnumSet.of(Caller.SECRETARIAT_OF_A, Caller.SECRETARIAT_OF_B, Caller.ADMIN);

	static final Set<Caller> ADMIN_ONLY = EnumSet.of(Caller.ADMIN);

	/** Acts on the caller's own account (its password, its token): anyone signed in. */
	static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));

	/** In titles and texts of B's objects that only B's readers may see; an outsider's 2xx must not contain it. */
	final String secret = "MATRIXSECRET" + UUID.randomUUID().toString().substring(0, 8);

	final Map<Caller, TestClient> callers = new LinkedHashMap<>();

	final Map<String, Long> ids = new HashMap<>();

	final List<String> setupProblems = new ArrayList<>();

	String slugA;

	String slugB;

	String repBUsername;

	int briefingIssue;

	/** The published survey's Excel template, uploaded where an operation takes a workbook. */
	byte[] workbook;

	/** The number of B's certificate, for the {number} of the certificate operations. */
	String certificateNumber;

	/** The receipt of B's representative's vote on the open-ballot motion. */
	String receipt = "0123456789abcdef";

	/**
	 * Which callers may get a 2xx, per operation, from the issue's rules and API.md (not from today's
	 * behaviour). An operation missing here fails the test; its default would be {@link #B_MANAGERS}.
	 */
	static final Map<String, Set<Caller>> RULES = new TreeMap<>();

	static {
		// identity
		rule("POST /api/v1/auth/token", EVERYONE);
		// a representative for B's member: its own representative (a colleague) or the admin; B's secretariat only
		// names the first one of an organisation it registered, and B's member has one already
		rule("POST /api/v1/users", ACTS_FOR_B_MEMBER);
		rule("PATCH /api/v1/users/{id}", ADMIN_ONLY); // enable or disable
		rule("PUT /api/v1/users/me/password", SIGNED_IN); // called with a wrong current password: nobody gets a 2xx
		rule("DELETE /api/v1/auth/token", SIGNED_IN); // revokes the caller's own token: called last
		rule("GET /api/v1/users", ADMIN_ONLY);
		rule("GET /api/v1/users/{id}", ADMIN_ONLY);
		rule("PUT /api/v1/users/{id}/roles", ACTS_FOR_B_MEMBER); // the organisation itself or the administrator
		// network
		rule("GET /api/v1/alliances", EVERYONE);
		rule("POST /api/v1/alliances", ADMIN_ONLY);
		rule("GET /api/v1/alliances/{slug}", EVERYONE);
		rule("PATCH /api/v1/alliances/{slug}", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/charter", EVERYONE);
		rule("PUT /api/v1/alliances/{slug}/charter", B_MANAGERS);
		// membership
		rule("GET /api/v1/organizations", EVERYONE);
		rule("POST /api/v1/organizations", ANY_SECRETARIAT);
		rule("GET /api/v1/organizations/{id}", EVERYONE);
		rule("PATCH /api/v1/organizations/{id}", EnumSet.of(Caller.REP_OF_B, Caller.SECRETARIAT_OF_B, Caller.ADMIN));
		rule("GET /api/v1/alliances/{slug}/members", EVERYONE);
		rule("POST /api/v1/alliances/{slug}/members", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/members/{organizationId}", EVERYONE);
		rule("PATCH /api/v1/alliances/{slug}/members/{organizationId}", B_MANAGERS);
		rule("DELETE /api/v1/alliances/{slug}/members/{organizationId}", B_MANAGERS);
		rule("POST /api/v1/alliances/{slug}/applications", ACTS_FOR_B_MEMBER);
		// invitations to join: an organisation's own, answered by its representative (or the admin on its behalf)
		rule("GET /api/v1/alliances/{slug}/invitations", B_MANAGERS);
		rule("GET /api/v1/organizations/{id}/invitations", ACTS_FOR_B_MEMBER);
		rule("GET /api/v1/organizations/{id}/invitations/{invitationId}", ACTS_FOR_B_MEMBER);
		rule("POST /api/v1/organizations/{id}/invitations/{invitationId}/accept", ACTS_FOR_B_MEMBER);
		rule("POST /api/v1/organizations/{id}/invitations/{invitationId}/decline", ACTS_FOR_B_MEMBER);
		rule("GET /api/v1/alliances/{slug}/applications", B_MANAGERS);
		rule("POST /api/v1/applications/{id}/approve", B_MANAGERS);
		rule("POST /api/v1/applications/{id}/reject", B_MANAGERS);
		// content
		rule("GET /api/v1/alliances/{slug}/articles", EVERYONE); // filtered: members-only ones for B's readers only
		rule("POST /api/v1/alliances/{slug}/articles", B_MANAGERS);
		rule("GET /api/v1/articles/{id}", B_READERS); // a members-only article of B
		rule("PATCH /api/v1/articles/{id}", B_MANAGERS);
		rule("DELETE /api/v1/articles/{id}", B_MANAGERS);
		rule("POST /api/v1/articles/{id}/attachments", B_MANAGERS);
		rule("DELETE /api/v1/attachments/{id}", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/briefings", EVERYONE);
		rule("GET /api/v1/alliances/{slug}/briefings/{issue}", EVERYONE);
		rule("POST /api/v1/alliances/{slug}/briefings", B_MANAGERS);
		rule("POST /api/v1/alliances/{slug}/subscriptions", EVERYONE); // double opt-in: only a confirmation mail
		rule("POST /api/v1/briefings/{id}/mailings", B_MANAGERS); // mailed in the set-up already: 409 for them
		rule("GET /api/v1/mailings/{id}", B_MANAGERS);
		rule("PUT /api/v1/briefings/{id}/contents", B_MANAGERS);
		rule("GET /api/v1/briefings/{id}.pdf", EVERYONE); // briefings are public
		rule("GET /api/v1/alliances/{slug}/links", EVERYONE);
		rule("POST /api/v1/alliances/{slug}/links", B_MANAGERS);
		rule("DELETE /api/v1/links/{id}", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/events", EVERYONE);
		rule("POST /api/v1/alliances/{slug}/events", B_MANAGERS);
		// audit and search
		rule("GET /api/v1/audit", ANY_SECRETARIAT); // each sees its own alliances' entries only (checked by the secret)
		rule("GET /api/v1/search", EVERYONE); // members-only hits only for members (checked by the secret)
		rule("POST /api/v1/search/reindex", ADMIN_ONLY);
		rule("GET /api/v1/search/reindex", ADMIN_ONLY);
		rule("GET /api/v1/search/synonyms", ANY_SECRETARIAT);
		rule("POST /api/v1/search/synonyms", B_MANAGERS); // for alliance B
		rule("DELETE /api/v1/search/synonyms/{id}", B_MANAGERS); // a group B's secretariat added
		// governance: a meeting and everything in it for its participants, its secretariat and the admin
		rule("POST /api/v1/alliances/{slug}/meetings", B_MANAGERS);
		rule("GET /api/v1/meetings/{id}", B_READERS);
		rule("GET /api/v1/meetings/{id}/motions", B_READERS);
		rule("POST /api/v1/meetings/{id}/attendance", B_READERS); // a representative checks in; the secretariat records
		rule("POST /api/v1/meetings/{id}/invitations", B_MANAGERS);
		rule("POST /api/v1/meetings/{id}/replies", B_READERS); // a representative replies; the secretariat records
		rule("POST /api/v1/meetings/{id}/motions", B_MANAGERS);
		rule("POST /api/v1/meetings/{id}/guests", B_MANAGERS);
		rule("POST /api/v1/meetings/{id}/agenda/{position}/documents", B_MANAGERS);
		rule("GET /api/v1/meetings/{id}/documents/{documentId}", B_READERS);
		rule("POST /api/v1/meetings/{id}/proxies", B_MANAGERS);
		rule("GET /api/v1/meetings/{id}/proxies", B_READERS);
		rule("DELETE /api/v1/meetings/{id}/proxies/{fromOrganizationId}", B_MANAGERS);
		rule("POST /api/v1/meetings/{id}/proxies/{fromOrganizationId}/letter", B_MANAGERS);
		rule("GET /api/v1/meetings/{id}/proxies/{fromOrganizationId}/letter", B_READERS);
		rule("GET /api/v1/meetings/{id}/minutes", B_READERS); // not published
		rule("PUT /api/v1/meetings/{id}/minutes", B_MANAGERS);
		rule("POST /api/v1/meetings/{id}/minutes/approve", B_MANAGERS);
		rule("POST /api/v1/meetings/{id}/minutes/publish", B_MANAGERS);
		rule("POST /api/v1/meetings/{id}/minutes/reopen", B_MANAGERS);
		rule("GET /api/v1/meetings/{id}/resolution", B_READERS);
		rule("PUT /api/v1/meetings/{id}/resolution", B_MANAGERS);
		rule("POST /api/v1/meetings/{id}/resolution/draft", B_MANAGERS);
		rule("GET /api/v1/motions/{id}", B_READERS);
		rule("POST /api/v1/motions/{id}/open", B_MANAGERS);
		rule("POST /api/v1/motions/{id}/close", B_MANAGERS);
		rule("POST /api/v1/motions/{id}/votes", ACTS_FOR_B_MEMBER);
		rule("GET /api/v1/motions/{id}/result", B_READERS);
		rule("POST /api/v1/motions/{id}/receipts/verification", B_READERS);
		rule("POST /api/v1/motions/{id}/result/publication", B_MANAGERS);
		rule("GET /api/v1/motions/{id}/ballot-log", B_READERS);
		rule("GET /api/v1/motions/{id}/ballot-log/verification", B_READERS);
		rule("GET /api/v1/motions/{id}/voters", B_READERS);
		rule("POST /api/v1/alliances/{slug}/motions", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/motions", EVERYONE); // filtered: checked by the secret
		// surveys: the secretariat everything; a recipient's representative the published survey and its own answer
		rule("POST /api/v1/alliances/{slug}/surveys", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/surveys", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/surveys/{id}", B_READERS);
		rule("PATCH /api/v1/surveys/{id}", B_MANAGERS);
		rule("DELETE /api/v1/surveys/{id}", B_MANAGERS);
		rule("POST /api/v1/surveys/{id}/copies", B_MANAGERS);
		rule("POST /api/v1/surveys/{id}/publish", B_MANAGERS);
		rule("POST /api/v1/surveys/{id}/close", B_MANAGERS);
		rule("GET /api/v1/surveys/{id}/recipients", B_MANAGERS);
		rule("POST /api/v1/surveys/{id}/reminders", B_MANAGERS);
		rule("PUT /api/v1/surveys/{id}/responses/{organizationId}", B_READERS);
		rule("GET /api/v1/surveys/{id}/responses/{organizationId}", B_READERS);
		rule("GET /api/v1/surveys/{id}/responses/{organizationId}/revisions", B_READERS);
		rule("POST /api/v1/surveys/{id}/responses/{organizationId}/reopen", B_MANAGERS);
		rule("POST /api/v1/surveys/{id}/responses/{organizationId}/files", B_READERS);
		rule("GET /api/v1/survey-files/{fileId}", B_READERS);
		rule("GET /api/v1/surveys/{id}/template.xlsx", B_READERS);
		rule("POST /api/v1/surveys/{id}/responses.xlsx", B_MANAGERS);
		// statistics of a published survey are public (suppressed); raw exports for the secretariat only
		rule("GET /api/v1/surveys/{id}/statistics", EVERYONE);
		rule("GET /api/v1/surveys/{id}/export.xlsx", B_MANAGERS);
		rule("GET /api/v1/surveys/{id}/export.csv", B_MANAGERS);
		rule("GET /api/v1/surveys/{id}/report.pdf", EVERYONE);
		rule("POST /api/v1/surveys/{id}/reports", EVERYONE);
		rule("GET /api/v1/surveys/{id}/reports/{job}", EVERYONE);
		rule("GET /api/v1/surveys/{id}/reports/{job}/report.pdf", EVERYONE);
		// collaboration: B's participants-only project (B's member leads it and has accepted), members-only agreement,
		// public base, members-only equipment of B's member and a request for it by another member of B
		rule("POST /api/v1/alliances/{slug}/projects", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/projects", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/projects", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/projects/{id}", B_READERS);
		rule("PATCH /api/v1/projects/{id}", B_MANAGERS);
		rule("POST /api/v1/projects/{id}/participants", B_MANAGERS); // an invitation, never a membership of the project
		rule("POST /api/v1/projects/{id}/participants/{organizationId}/accept", ACTS_FOR_B_MEMBER); // the organisation only
		rule("POST /api/v1/projects/{id}/participants/{organizationId}/decline", ACTS_FOR_B_MEMBER);
		rule("POST /api/v1/projects/{id}/milestones", B_MANAGERS);
		rule("PATCH /api/v1/projects/{id}/milestones/{milestoneId}", B_MANAGERS);
		rule("POST /api/v1/projects/{id}/milestones/{milestoneId}/deliverable", B_READERS); // secretariat or a participant
		rule("GET /api/v1/projects/{id}/milestones/{milestoneId}/deliverable", B_READERS);
		rule("POST /api/v1/projects/{id}/milestones/{milestoneId}/reports", B_READERS); // secretariat or a participant
		rule("POST /api/v1/alliances/{slug}/agreements", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/agreements", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/agreements", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/agreements/{id}", B_READERS); // members-only
		rule("PATCH /api/v1/agreements/{id}", B_MANAGERS);
		rule("POST /api/v1/agreements/{id}/document", B_MANAGERS);
		rule("GET /api/v1/agreements/{id}/document", B_READERS);
		// standards: a public proposal of B (everything of a group standard is public; a comment's contact is the
		// secretariat's only); no comment exists in the set-up, so the disposition is called on an unknown comment
		rule("POST /api/v1/alliances/{slug}/standards", B_MANAGERS);
		rule("POST /api/v1/alliances/{slug}/standards/published", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/standards", EVERYONE);
		rule("GET /api/v1/standards/{id}", EVERYONE);
		rule("POST /api/v1/standards/{id}/motions", B_MANAGERS);
		rule("POST /api/v1/standards/{id}/stage", B_MANAGERS);
		rule("POST /api/v1/standards/{id}/drafting-group", B_MANAGERS);
		rule("POST /api/v1/standards/{id}/drafts", B_MANAGERS); // and the drafting units' representatives
		rule("GET /api/v1/standards/{id}/drafts/{v}", EVERYONE);
		rule("GET /api/v1/standards/{id}/drafts/{v}/file", EVERYONE);
		rule("GET /api/v1/standards/{id}/drafts/{v}/diff", EVERYONE);
		rule("POST /api/v1/standards/{id}/comment-period", B_MANAGERS);
		rule("POST /api/v1/standards/{id}/comments", EVERYONE); // the public comment period: anyone, signed in or not
		rule("POST /api/v1/comments/{id}/disposition", B_MANAGERS);
		rule("POST /api/v1/standards/{id}/reviews", B_MANAGERS);
		rule("POST /api/v1/standards/{id}/document", B_MANAGERS);
		rule("GET /api/v1/standards/{id}/document", EVERYONE);
		rule("POST /api/v1/standards/{id}/publish", B_MANAGERS);
		// technology transfer: a members-only demand of B's member, members-only achievements of another member of B,
		// a pending interest expressed by that other member (B's member decides) and an accepted one with its transfer
		rule("POST /api/v1/demands", ACTS_FOR_B_MEMBER); // in B's member's name
		rule("GET /api/v1/demands", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/demands/{id}", B_READERS); // members-only
		rule("GET /api/v1/demands/{id}/matches", B_READERS);
		rule("POST /api/v1/demands/{id}/project", B_MANAGERS); // the demand's alliance's secretariat starts it, once
		rule("POST /api/v1/achievements", ACTS_FOR_B_MEMBER);
		rule("GET /api/v1/achievements", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/achievements/{id}", B_READERS);
		rule("GET /api/v1/achievements/{id}/matches", B_READERS);
		rule("POST /api/v1/interests", ACTS_FOR_B_MEMBER); // for B's member's side of a match of B's objects
		rule("GET /api/v1/interests/{id}", B_READERS); // both sides and B's secretariat
		rule("POST /api/v1/interests/{id}/decision", ACTS_FOR_B_MEMBER); // the other side only
		rule("POST /api/v1/interests/{id}/transfer", ACTS_FOR_B_MEMBER); // either side, once accepted
		rule("GET /api/v1/transfers/{id}", B_READERS);
		rule("GET /api/v1/users/me/match-digest", SIGNED_IN); // the caller's own switch
		rule("PUT /api/v1/users/me/match-digest", SIGNED_IN);
		rule("POST /api/v1/match-digests", ADMIN_ONLY); // this week's digests, now
		rule("POST /api/v1/alliances/{slug}/bases", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/bases", EVERYONE);
		rule("GET /api/v1/bases", EVERYONE);
		rule("GET /api/v1/bases/{id}", EVERYONE); // bases are public (the members-only agreement's title is not shown)
		rule("PATCH /api/v1/bases/{id}", B_MANAGERS);
		// a resource of B's member: offered by its representative, or by B's secretariat for it
		rule("POST /api/v1/alliances/{slug}/resources", EnumSet.of(Caller.REP_OF_B, Caller.SECRETARIAT_OF_B, Caller.ADMIN));
		rule("GET /api/v1/alliances/{slug}/resources", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/resources", EVERYONE); // filtered: checked by the secret
		rule("GET /api/v1/resources/{id}", B_READERS); // members-only
		rule("POST /api/v1/resources/{id}/requests", ACTS_FOR_B_MEMBER); // in the name of one's own organisation
		rule("GET /api/v1/resources/{id}/requests", B_READERS);
		rule("GET /api/v1/resource-requests/{id}", B_READERS);
		rule("POST /api/v1/resource-requests/{id}/decision", ACTS_FOR_B_MEMBER); // the owning organisation only
		// certification: certificates are public (anyone verifies them); only the issuing secretariat writes
		rule("POST /api/v1/alliances/{slug}/certificates", B_MANAGERS);
		rule("GET /api/v1/alliances/{slug}/certificates", EVERYONE);
		rule("GET /api/v1/alliances/{slug}/signing-key", EVERYONE);
		rule("GET /api/v1/alliances/{slug}/signing-key.pem", EVERYONE);
		rule("GET /api/v1/organizations/{id}/certificates", EVERYONE);
		rule("GET /api/v1/certificates/{number}", EVERYONE);
		rule("GET /api/v1/certificates/{number}.pdf", EVERYONE);
		rule("POST /api/v1/certificates/{number}/status", B_MANAGERS);
		rule("POST /api/v1/certificates/verify", EVERYONE); // an uploaded PDF: answers UNKNOWN for the matrix's tiny one
		// annual reports: the network's year is the administrator's (and the network's secretariat's); an alliance's
		// report is its secretariat's only; the ranking for anyone signed in, the formula public, changed by the admin
		rule("POST /api/v1/report-requests", ADMIN_ONLY);
		rule("GET /api/v1/report-requests", ADMIN_ONLY);
		rule("GET /api/v1/report-requests/{year}", ADMIN_ONLY);
		rule("PATCH /api/v1/report-requests/{year}", ADMIN_ONLY);
		rule("POST /api/v1/report-requests/{year}/reminders", ADMIN_ONLY);
		rule("GET /api/v1/alliances/{slug}/annual-reports/{year}", B_MANAGERS);
		rule("PATCH /api/v1/alliances/{slug}/annual-reports/{year}", B_MANAGERS);
		rule("POST /api/v1/alliances/{slug}/annual-reports/{year}/submit", B_MANAGERS);
		rule("GET /api/v1/network/annual-reports/{year}", ADMIN_ONLY);
		rule("GET /api/v1/network/annual-reports/{year}.pdf", ADMIN_ONLY);
		rule("POST /api/v1/network/annual-reports/{year}/pdf-jobs", ADMIN_ONLY);
		rule("GET /api/v1/network/annual-reports/{year}/pdf-jobs/{job}", ADMIN_ONLY);
		rule("GET /api/v1/network/annual-reports/{year}/pdf-jobs/{job}/report.pdf", ADMIN_ONLY);
		rule("POST /api/v1/network/annual-reports/{year}/agenda-documents", ADMIN_ONLY);
		rule("GET /api/v1/activity", SIGNED_IN);
		rule("GET /api/v1/activity/formula", EVERYONE);
		rule("GET /api/v1/activity/formulas", EVERYONE);
		rule("PUT /api/v1/activity/formula", ADMIN_ONLY);
		// funding: the network's plan (its secretariat's and the administrator's only) with alliance B as a payer;
		// B's statement is read by B's secretariat (B pays through the organisation that stands for it)
		rule("POST /api/v1/funding-plans", ADMIN_ONLY);
		rule("GET /api/v1/funding-plans", ADMIN_ONLY);
		rule("GET /api/v1/funding-plans/{id}", ADMIN_ONLY);
		rule("PATCH /api/v1/funding-plans/{id}", ADMIN_ONLY);
		rule("POST /api/v1/funding-plans/{id}/motion", ADMIN_ONLY);
		rule("POST /api/v1/funding-plans/{id}/payments", ADMIN_ONLY);
		rule("GET /api/v1/funding-plans/{id}/execution", ADMIN_ONLY);
		rule("GET /api/v1/funding-plans/{id}/execution.xlsx", ADMIN_ONLY);
		rule("GET /api/v1/funding-statements", SIGNED_IN); // the caller's own statements only: checked by the secret
		rule("GET /api/v1/funding-statements/{id}", B_MANAGERS);
	}

	static void rule(String operation, Set<Caller> allowed) {
		if (RULES.put(operation, allowed) != null) {
			throw new IllegalStateException("two rules for " + operation);
		}
	}

	/** Sample bodies where a generated one would not pass validation. */
	final Map<String, Supplier<Object>> samples = new HashMap<>();

	// ---- set-up: alliance B and its objects, made through the API as B's secretariat or the administrator

	@BeforeAll
	void buildAllianceB() {
		TestClient admin = admin();
		TestClient anonymous = client();
		slugA = "mx-a-" + UUID.randomUUID().toString().substring(0, 6);
		slugB = "mx-b-" + UUID.randomUUID().toString().substring(0, 6);
		expect(201, admin.post("/api/v1/alliances", Map.of("slug", slugA, "name", "矩阵甲联盟" + slugA)), "alliance A");
		ids.put("allianceB", expect(201, admin.post("/api/v1/alliances", Map.of("slug", slugB, "name", "矩阵乙联盟" + slugB)),
				"alliance B").json().get("id").asLong());
		long orgA = organization(admin, slugA, "COUNCIL");
		long orgB = organization(admin, slugB, "COUNCIL");
		long orgB2 = organization(admin, slugB, "COUNCIL");
		ids.put("orgB", orgB);
		ids.put("orgB2", orgB2);
		ids.put("spareMember", organization(admin, slugB, "MEMBER"));
		ids.put("freeOrg", expect(201, admin.post("/api/v1/organizations", Map.of("name", "矩阵无主单位" + UUID.randomUUID(),
				"type", "ENTERPRISE")), "free organisation").json().get("id").asLong());

		callers.put(Caller.ANONYMOUS, anonymous);
		callers.put(Caller.REP_OF_A, TestClient.userWith(admin, anonymous, List.of(Map.of("role", "MEMBER_REP", "organizationId", orgA))));
		callers.put(Caller.SECRETARIAT_OF_A, TestClient.userWith(admin, anonymous, List.of(Map.of("role", "SECRETARIAT", "alliance", slugA))));
		repBUsername = "mxrep" + UUID.randomUUID().toString().substring(0, 8);
		var repB = expect(201, admin.post("/api/v1/users", Map.of("username", repBUsername, "displayName", "乙代表", "email",
				repBUsername + "@example.org", "password", "password-" + repBUsername, "roles",
				List.of(Map.of("role", "MEMBER_REP", "organizationId", orgB)))), "B's representative");
		ids.put("repBUser", repB.json().get("id").asLong());
		callers.put(Caller.REP_OF_B, anonymous.login(repBUsername, "password-" + repBUsername));
		TestClient secB = TestClient.userWith(admin, anonymous, List.of(Map.of("role", "SECRETARIAT", "alliance", slugB)));
		callers.put(Caller.SECRETARIAT_OF_B, secB);
		callers.put(Caller.ADMIN, admin);

		// a council meeting with an agenda, an open-ballot and a secret motion, both open; a document; a proxy
		var meeting = expect(201, secB.post("/api/v1/alliances/" + slugB + "/meetings", Map.of("kind", "COUNCIL", "term", 1,
				"session", 1, "title", "理事会" + secret, "startsAt", OffsetDateTime.now().plusDays(2).toString(), "mode", "ONLINE",
				"onlineUrl", "https://meeting.example.org/" + secret, "agenda",
				List.of(Map.of("title", "议程" + secret, "kind", "MOTION")))), "meeting");
		long meetingId = meeting.json().get("id").asLong();
		ids.put("meeting", meetingId);
		for (long org : List.of(orgB, orgB2)) {
			made(null, secB.post("/api/v1/meetings/" + meetingId + "/attendance", Map.of("organizationId", org, "present", true)),
					"check-in");
		}
		motion(secB, meetingId, "OPEN", "openMotion");
		motion(secB, meetingId, "SECRET", "secretMotion");
		var vote = callers.get(Caller.REP_OF_B).post("/api/v1/motions/" + ids.get("openMotion") + "/votes",
				Map.of("choice", "YES"));
		made(null, vote, "a vote");
		if (vote.status() / 100 == 2 && vote.json().has("receipt")) {
			receipt = vote.json().get("receipt").asString();
		}
		made("document", secB.upload("/api/v1/meetings/" + meetingId + "/agenda/1/documents", "agenda.pdf", pdf()),
				"agenda document");
		made(null, secB.post("/api/v1/meetings/" + meetingId + "/proxies", Map.of("fromOrganizationId", orgB2,
				"toOrganizationId", orgB, "document", "委托书" + secret)), "proxy");
		made(null, secB.upload("/api/v1/meetings/" + meetingId + "/proxies/" + orgB2 + "/letter", "letter.pdf", pdf()),
				"proxy letter");
		made(null, secB.put("/api/v1/meetings/" + meetingId + "/minutes", Map.of("body", "<p>纪要" + secret + "</p>",
				"visibility", "MEMBERS", "version", 0)), "minutes");
		// a correspondence vote
		made("correspondence", secB.post("/api/v1/alliances/" + slugB + "/motions", Map.of("title", "通讯表决" + secret,
				"electorate", "COUNCIL", "deadline", OffsetDateTime.now().plusDays(5).toString())), "correspondence vote");
		// a draft and a published survey, with an answer and an uploaded file
		ids.put("draftSurvey", survey(secB, "草稿调查" + secret));
		long published = survey(secB, "年度调查");
		made(null, secB.post("/api/v1/surveys/" + published + "/publish", Map.of()), "publish survey");
		ids.put("survey", published);
		var template = secB.getBytes("/api/v1/surveys/" + published + "/template.xlsx");
		if (template.status() == 200) {
			workbook = template.bytes();
		}
		else {
			setupProblems.add("survey template: " + template.status());
		}
		made(null, callers.get(Caller.REP_OF_B).put("/api/v1/surveys/" + published + "/responses/" + orgB,
				Map.of("values", Map.of("revenue", 12345), "submit", false)), "survey answer");
		made("surveyFile", callers.get(Caller.REP_OF_B).upload("/api/v1/surveys/" + published + "/responses/" + orgB
				+ "/files", "answer.pdf", pdf()), "survey file");
		// a members-only article with an attachment; a link, an event, a briefing
		ids.put("article", expect(201, secB.post("/api/v1/alliances/" + slugB + "/articles", Map.of("title", "会员专享" + secret,
				"category", "POLICY", "body", "<p>" + secret + "</p>", "status", "PUBLISHED", "visibility", "MEMBERS")), "article")
			.json().get("id").asLong());
		ids.put("draftArticle", expect(201, secB.post("/api/v1/alliances/" + slugB + "/articles", Map.of("title", "草稿" + secret,
				"category", "POLICY", "body", "<p>" + secret + "</p>", "status", "DRAFT", "visibility", "PUBLIC")),
				"draft article").json().get("id").asLong());
		made("attachment", secB.upload("/api/v1/articles/" + ids.get("article") + "/attachments", "a.pdf", pdf()),
				"attachment");
		made("link", secB.post("/api/v1/alliances/" + slugB + "/links", Map.of("name", "链接", "url",
				"https://example.org/link")), "link");
		made("synonyms", secB.post("/api/v1/search/synonyms", Map.of("alliance", slugB, "names",
				List.of("矩阵甲词" + secret, "矩阵乙词" + secret))), "synonym group");
		made(null, secB.post("/api/v1/alliances/" + slugB + "/events", Map.of("title", "展会", "startsOn", "2026-06-15")), "event");
		briefingIssue = 7;
		made("briefing", secB.post("/api/v1/alliances/" + slugB + "/briefings", Map.of("issueNumber", briefingIssue, "title", "简报",
				"publishedOn", "2026-03-01", "body", "<p>简报</p>")), "briefing");
		if (ids.containsKey("briefing")) {
			made("mailing", secB.post("/api/v1/briefings/" + ids.get("briefing") + "/mailings", Map.of()), "mailing");
		}
		// an invitation of B's member to a third alliance C (its answer does not touch A or B)
		String slugC = "mx-c-" + UUID.randomUUID().toString().substring(0, 6);
		expect(201, admin.post("/api/v1/alliances", Map.of("slug", slugC, "name", "矩阵丙联盟" + slugC)), "alliance C");
		TestClient secC = TestClient.userWith(admin, anonymous, List.of(Map.of("role", "SECRETARIAT", "alliance", slugC)));
		made("invitation", secC.post("/api/v1/alliances/" + slugC + "/members", Map.of("organizationId", orgB, "role",
				"MEMBER")), "invitation of B's member to C");
		// an application of an organisation to B
		made("application", admin.post("/api/v1/alliances/" + slugB + "/applications", Map.of("organizationId",
				ids.get("freeOrg"), "statement", "申请" + secret)), "application");

		// collaboration
		made("project", secB.post("/api/v1/alliances/" + slugB + "/projects", Map.of("title", "联合攻关" + secret,
				"leadOrganizationId", orgB, "visibility", "PARTICIPANTS", "summary", "攻关" + secret)), "project");
		if (ids.containsKey("project")) {
			String project = "/api/v1/projects/" + ids.get("project");
			made(null, callers.get(Caller.REP_OF_B).post(project + "/participants/" + orgB + "/accept", Map.of()),
					"B's member accepts the project");
			made("milestone", secB.post(project + "/milestones", Map.of("workPackage", "工作包" + secret, "title",
					"里程碑" + secret, "dueOn", "2027-01-31")), "milestone");
			if (ids.containsKey("milestone")) {
				made(null, secB.upload(project + "/milestones/" + ids.get("milestone") + "/deliverable", "d.pdf", pdf()),
						"deliverable");
			}
		}
		made("agreement", secB.post("/api/v1/alliances/" + slugB + "/agreements", Map.of("title", "协议" + secret,
				"visibility", "MEMBERS", "parties", List.of(Map.of("kind", "OUTSIDE_BODY", "name", "某市人民政府")))), "agreement");
		if (ids.containsKey("agreement")) {
			made(null, secB.upload("/api/v1/agreements/" + ids.get("agreement") + "/document", "a.pdf", pdf()),
					"agreement document");
			made("base", secB.post("/api/v1/alliances/" + slugB + "/bases", Map.of("name", "示范基地", "hostOrganizationId",
					orgB, "agreementId", ids.get("agreement"))), "base");
		}
		made("resource", secB.post("/api/v1/alliances/" + slugB + "/resources", Map.of("kind", "EQUIPMENT",
				"organizationId", orgB, "name", "试验台" + secret, "visibility", "MEMBERS")), "resource");
		if (ids.containsKey("resource")) {
			made("resourceRequest", admin.post("/api/v1/resources/" + ids.get("resource") + "/requests", Map.of(
					"organizationId", orgB2, "from", "2027-02-01", "to", "2027-02-03", "purpose", "用途" + secret)),
					"resource request");
		}
		// standards
		made("standard", secB.post("/api/v1/alliances/" + slugB + "/standards", Map.of("title", "渣浆泵团体标准", "scope", "范围",
				"reasons", "理由", "proposingOrganizationIds", List.of(orgB))), "standard");
		ids.put("standardComment", 0L);
		samples.put("POST /api/v1/alliances/{slug}/standards", () -> Map.of("title", "新标准", "scope", "范围", "reasons", "理由",
				"proposingOrganizationIds", List.of(orgB)));
		samples.put("POST /api/v1/alliances/{slug}/standards/published", () -> Map.of("number",
				"T/M" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT) + " 001-2020",
				"title", "已发布标准", "scope", "范围", "issuedOn", "2020-03-01", "effectiveOn", "2020-04-01"));
		samples.put("POST /api/v1/standards/{id}/stage", () -> Map.of("stage", "WITHDRAWN", "reason", "矩阵"));
		samples.put("POST /api/v1/standards/{id}/drafting-group", () -> Map.of("expertName", "专家"));
		samples.put("POST /api/v1/standards/{id}/comments", () -> Map.of("clause", "1", "text", "意见", "name", "张",
				"organization", "某单位", "contact", "z@example.org"));
		samples.put("POST /api/v1/comments/{id}/disposition", () -> Map.of("disposition", "ACCEPTED"));
		samples.put("POST /api/v1/standards/{id}/reviews", () -> Map.of("reviewer", "王", "conclusion", "PASS"));
		// certification
		var certificate = secB.post("/api/v1/alliances/" + slugB + "/certificates", Map.of("kind", "QUALIFICATION",
				"holderOrganizationId", orgB, "subject", "矩阵资质", "scope", "矩阵范围", "issuedOn", "2026-01-05",
				"validUntil", "2030-01-04"));
		made(null, certificate, "certificate");
		if (certificate.status() == 201) {
			certificateNumber = certificate.json().get("number").asString();
		}
		samples.put("POST /api/v1/alliances/{slug}/certificates", () -> Map.of("kind", "TEST_REPORT",
				"holderOrganizationId", orgB, "subject", "矩阵报告", "scope", "矩阵范围", "issuedOn", "2026-01-05",
				"validUntil", "2030-01-04"));
		// a suspension B's secretariat may make; the administrator's second one is a 409 (suspended already)
		samples.put("POST /api/v1/certificates/{number}/status", () -> Map.of("status", "SUSPENDED", "reason", "矩阵"));
		// technology transfer
		TestClient repOfB = callers.get(Caller.REP_OF_B);
		made("demand", repOfB.post("/api/v1/demands", transferSample(orgB, "需求" + secret, "MEMBERS", false)), "demand");
		made("achievement", admin.post("/api/v1/achievements", transferSample(orgB2, "成果" + secret, "MEMBERS", true)),
				"achievement");
		made("freeAchievement", admin.post("/api/v1/achievements", transferSample(orgB2, "另一成果" + secret, "MEMBERS",
				true)), "achievement without interest");
		made("tradedAchievement", admin.post("/api/v1/achievements", transferSample(orgB2, "转化成果" + secret, "MEMBERS",
				true)), "achievement transferred");
		if (ids.containsKey("demand") && ids.containsKey("achievement") && ids.containsKey("tradedAchievement")) {
			made("interest", admin.post("/api/v1/interests", Map.of("demandId", ids.get("demand"), "achievementId",
					ids.get("achievement"), "organizationId", orgB2)), "interest");
			var traded = admin.post("/api/v1/interests", Map.of("demandId", ids.get("demand"), "achievementId",
					ids.get("tradedAchievement"), "organizationId", orgB2));
			made(null, traded, "interest to transfer");
			if (traded.status() == 201) {
				long tradedId = traded.json().get("id").asLong();
				made(null, repOfB.post("/api/v1/interests/" + tradedId + "/decision", Map.of("decision", "ACCEPT")),
						"interest accepted");
				var transfer = admin.post("/api/v1/interests/" + tradedId + "/transfer", Map.of("contractType", "LICENCE",
						"amount", 50, "date", "2026-10-01"));
				made(null, transfer, "transfer");
				if (transfer.status() == 201) {
					ids.put("transfer", transfer.json().get("transfer").get("id").asLong());
				}
			}
		}
		// funding: a draft plan of the network with alliance B as a payer (titles carry the secret)
		Map<String, Object> fundingPlan = Map.of("year", 2027, "title", "经费预算" + secret, "sources",
				List.of(Map.of("kind", "MEMBERSHIP_FEES", "planned", 100)), "contributions", List.of(Map.of("alliance", slugB,
						"source", "MEMBERSHIP_FEES", "amount", 10, "dueOn", "2027-03-31")));
		made("fundingPlan", admin.post("/api/v1/funding-plans", fundingPlan), "funding plan");
		if (ids.containsKey("fundingPlan")) {
			var plan = admin.get("/api/v1/funding-plans/" + ids.get("fundingPlan"));
			if (plan.status() == 200) {
				ids.put("fundingStatement", plan.json().get("contributions").get(0).get("id").asLong());
			}
		}
		samples.put("POST /api/v1/funding-plans", () -> fundingPlan);
		samples.put("PATCH /api/v1/funding-plans/{id}", () -> Map.of("title", "经费预算" + secret, "version", 0));
		samples.put("POST /api/v1/funding-plans/{id}/motion", () -> Map.of("motionId", ids.getOrDefault("correspondence", 0L)));
		samples.put("POST /api/v1/funding-plans/{id}/payments", () -> Map.of("alliance", slugB, "amount", 1, "paidOn",
				"2026-01-02", "reference", "MX-" + UUID.randomUUID()));
		samples.put("POST /api/v1/demands", () -> transferSample(orgB, "新需求", "PUBLIC", false));
		samples.put("POST /api/v1/achievements", () -> transferSample(orgB, "新成果", "PUBLIC", true));
		samples.put("POST /api/v1/interests", () -> Map.of("demandId", ids.getOrDefault("demand", 0L), "achievementId",
				ids.getOrDefault("freeAchievement", 0L), "organizationId", orgB));
		samples.put("POST /api/v1/interests/{id}/decision", () -> Map.of("decision", "ACCEPT"));
		samples.put("PUT /api/v1/users/me/match-digest", () -> Map.of("enabled", true));
		samples.put("POST /api/v1/interests/{id}/transfer", () -> Map.of("contractType", "EQUITY", "amount", 10, "date",
				"2026-12-01"));
		samples.put("POST /api/v1/projects/{id}/participants", () -> Map.of("organizationId", orgB2));
		samples.put("POST /api/v1/alliances/{slug}/agreements", () -> Map.of("title", "新协议", "parties",
				List.of(Map.of("kind", "OUTSIDE_BODY", "name", "某市人民政府"))));

		samples.put("POST /api/v1/auth/token", () -> Map.of("username", repBUsername, "password", "password-" + repBUsername));
		samples.put("POST /api/v1/users", () -> {
			String u = "mx" + UUID.randomUUID().toString().substring(0, 8);
			return Map.of("username", u, "displayName", "接管者", "email", u + "@example.org", "password", "password-" + u,
					"roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", orgB)));
		});
		samples.put("PATCH /api/v1/users/{id}", () -> Map.of("enabled", true));
		samples.put("PUT /api/v1/users/me/password", () -> Map.of("currentPassword", "not-the-password",
				"newPassword", "a-new-password-" + UUID.randomUUID()));
		samples.put("PUT /api/v1/users/{id}/roles",
				() -> Map.of("roles", List.of(Map.of("role", "MEMBER_REP", "organizationId", orgB))));
		samples.put("POST /api/v1/alliances", () -> Map.of("slug", "mx-" + UUID.randomUUID().toString().substring(0, 8),
				"name", "矩阵新联盟" + UUID.randomUUID()));
		samples.put("PATCH /api/v1/alliances/{slug}", () -> Map.of("description", "改写"));
		samples.put("PUT /api/v1/alliances/{slug}/charter", () -> Map.of("maxProxiesPerHolder", 2));
		samples.put("POST /api/v1/organizations", () -> Map.of("name", "矩阵单位" + UUID.randomUUID(), "type", "ENTERPRISE"));
		samples.put("PATCH /api/v1/organizations/{id}", () -> Map.of("website", "https://evil.example.org"));
		samples.put("POST /api/v1/alliances/{slug}/members", () -> Map.of("organizationId", ids.get("freeOrg"), "role", "MEMBER"));
		samples.put("POST /api/v1/alliances/{slug}/members (B's member added to A)", () -> Map.of("organizationId", orgB, "role",
				"MEMBER"));
		samples.put("PATCH /api/v1/alliances/{slug}/members/{organizationId}", () -> Map.of("role", "COUNCIL"));
		samples.put("POST /api/v1/alliances/{slug}/applications", () -> Map.of("organizationId", orgB));
		samples.put("POST /api/v1/alliances/{slug}/articles", () -> Map.of("title", "新文章", "category", "POLICY", "body",
				"<p>x</p>", "status", "PUBLISHED", "visibility", "PUBLIC"));
		samples.put("PATCH /api/v1/articles/{id}", () -> Map.of("title", "篡改"));
		samples.put("POST /api/v1/alliances/{slug}/briefings", () -> Map.of("issueNumber", ++briefingIssue, "title", "简报",
				"publishedOn", "2026-03-01", "body", "<p>简报</p>"));
		samples.put("PUT /api/v1/briefings/{id}/contents", () -> Map.of("editorNote", "编者按",
				"items", List.of(Map.of("articleId", ids.getOrDefault("publicArticle", 0L), "note", "按语"))));
		samples.put("POST /api/v1/alliances/{slug}/subscriptions", () -> Map.of("email",
				"mx" + UUID.randomUUID().toString().substring(0, 8) + "@example.net"));
		samples.put("POST /api/v1/search/synonyms", () -> Map.of("alliance", slugB, "names",
				List.of("矩阵丙词" + UUID.randomUUID(), "矩阵丁词" + UUID.randomUUID())));
		samples.put("POST /api/v1/alliances/{slug}/links", () -> Map.of("name", "链接", "url", "https://example.org/x"));
		samples.put("POST /api/v1/alliances/{slug}/events", () -> Map.of("title", "展会", "startsOn", "2026-06-15"));
		samples.put("POST /api/v1/alliances/{slug}/meetings", () -> Map.of("kind", "COUNCIL", "term", 1, "session", 9,
				"startsAt", OffsetDateTime.now().plusDays(3).toString(), "mode", "ONLINE", "onlineUrl", "https://m.example.org/x"));
		samples.put("POST /api/v1/meetings/{id}/attendance", () -> Map.of("organizationId", orgB, "present", true));
		samples.put("POST /api/v1/meetings/{id}/replies", () -> Map.of("organizationId", orgB, "attending", true));
		samples.put("POST /api/v1/meetings/{id}/motions", () -> Map.of("title", "新动议", "ballot", "OPEN"));
		samples.put("POST /api/v1/meetings/{id}/guests", () -> Map.of("organizationId", orgA));
		samples.put("POST /api/v1/meetings/{id}/proxies", () -> Map.of("fromOrganizationId", orgB, "toOrganizationId", orgB2));
		samples.put("PUT /api/v1/meetings/{id}/minutes", () -> Map.of("body", "<p>纪要</p>", "visibility", "MEMBERS", "version", 0));
		samples.put("PUT /api/v1/meetings/{id}/resolution", () -> Map.of("text", "决议", "version", 0));
		samples.put("POST /api/v1/motions/{id}/receipts/verification", () -> Map.of("receipt", receipt));
		samples.put("POST /api/v1/motions/{id}/result/publication", () -> Map.of("visibility", "MEMBERS"));
		samples.put("POST /api/v1/motions/{id}/votes", () -> Map.of("choice", "NO", "organizationId", orgB));
		samples.put("POST /api/v1/alliances/{slug}/motions", () -> Map.of("title", "通讯表决", "electorate", "COUNCIL",
				"deadline", OffsetDateTime.now().plusDays(5).toString()));
		samples.put("POST /api/v1/alliances/{slug}/surveys", () -> surveyBody("新调查"));
		samples.put("PATCH /api/v1/surveys/{id}", () -> Map.of("title", "篡改"));
		samples.put("POST /api/v1/surveys/{id}/copies", () -> Map.of("period", "2027", "deadline",
				OffsetDateTime.now().plusDays(40).toString()));
		samples.put("PUT /api/v1/surveys/{id}/responses/{organizationId}", () -> Map.of("values", Map.of("revenue", 999),
				"submit", false));
		samples.put("POST /api/v1/surveys/{id}/responses/{organizationId}/reopen", () -> Map.of("reason", "请更正"));
	}

	private long organization(TestClient admin, String slug, String role) {
		long id = expect(201, admin.post("/api/v1/organizations", Map.of("name", "矩阵单位" + UUID.randomUUID(), "type",
				"ENTERPRISE")), "organisation").json().get("id").asLong();
		expect(201, admin.post("/api/v1/alliances/" + slug + "/members", Map.of("organizationId", id, "role", role)), "member");
		return id;
	}

	private void motion(TestClient secB, long meeting, String ballot, String key) {
		made(key, secB.post("/api/v1/meetings/" + meeting + "/motions", Map.of("title", ballot + "动议" + secret,
				"text", "动议正文" + secret, "ballot", ballot)), ballot + " motion");
		if (ids.containsKey(key)) {
			made(null, secB.post("/api/v1/motions/" + ids.get(key) + "/open", Map.of()), "open motion");
		}
	}

	private Map<String, Object> surveyBody(String title) {
		return Map.of("title", title, "period", "2026", "deadline", OffsetDateTime.now().plusDays(30).toString(), "fields",
				List.of(Map.of("key", "revenue", "label", "营业收入", "type", "INTEGER", "unit", "万元"),
						Map.of("key", "report", "label", "报告", "type", "FILE")));
	}

	private long survey(TestClient secB, String title) {
		return expect(201, secB.post("/api/v1/alliances/" + slugB + "/surveys", surveyBody(title)), "survey " + title)
			.json().get("id").asLong();
	}

	/** A set-up step that may fail without stopping the matrix: the operations needing its object are reported unmapped. */
	private void made(String key, TestClient.Response r, String what) {
		if (r.status() / 100 != 2) {
			setupProblems.add(what + ": " + r.status() + " " + r.body());
		}
		else if (key != null) {
			ids.put(key, r.json().get("id").asLong());
		}
	}

	private TestClient.Response expect(int status, TestClient.Response r, String what) {
		if (r.status() != status) {
			throw new IllegalStateException(what + ": expected " + status + ", got " + r.status() + " " + r.body());
		}
		return r;
	}

	/** A demand or an achievement of technology transfer in an organisation's name. */
	static Map<String, Object> transferSample(long organization, String title, String visibility, boolean achievement) {
		Map<String, Object> m = new HashMap<>(Map.of("organizationId", organization, "title", title, "description",
				"渣浆泵叶轮耐磨" + title, "field", "FLUID_MACHINERY", "region", "130100", "visibility", visibility));
		if (achievement) {
			m.putAll(Map.of("maturity", 6, "ipStatus", "KNOW_HOW", "transferModes", List.of("LICENCE")));
		}
		else {
			m.putAll(Map.of("budget", 30, "deadline", "2027-06-30"));
		}
		return m;
	}

	static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
				+ "3 0 obj<</Type/Page/MediaBox[0 0 10 10]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	// ---- the matrix

	record Operation(String method, String path, JsonNode spec) {

		String key() {
			return method + " " + path;
		}

		int order() {
			if ((method + " " + path).equals("DELETE /api/v1/auth/token")) {
				return 3; // ends the caller's token: nothing may come after it
			}
			return switch (method) {
				case "GET" -> 0;
				case "DELETE" -> 2;
				default -> 1;
			};
		}
	}

	/** One object of B that an operation is called on (e.g. the secret motion), with who may read it. */
	record Variant(String label, Map<String, String> values, boolean secretariatOnly, Set<Caller> allowed,
			Set<Integer> harmless) {

		Variant(String label, Map<String, String> values, boolean secretariatOnly) {
			this(label, values, secretariatOnly, null, Set.of());
		}
	}

	@Test
	void noOperationAnswersACallerTheRuleDoesNotAllow() {
		JsonNode doc = client().get("/v3/api-docs").json();
		List<Operation> operations = new ArrayList<>();
		for (var path : doc.get("paths").properties()) {
			for (var op : path.getValue().properties()) {
				if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
					operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
				}
			}
		}
		operations.sort(java.util.Comparator.comparingInt(Operation::order).thenComparing(Operation::key));

		List<String> missingRules = new ArrayList<>();
		List<String> unmapped = new ArrayList<>();
		List<String> leaks = new ArrayList<>();
		Map<String, Integer> counts = new TreeMap<>();
		int calls = 0;
		Map<String, StringBuilder> table = new TreeMap<>();
		// outsiders and B's representative first over every operation, then B's secretariat and the administrator,
		// so that no allowed write (a close, a delete) hides a leak from those who may not
		List<List<Caller>> phases = List.of(List.of(Caller.ANONYMOUS, Caller.REP_OF_A, Caller.SECRETARIAT_OF_A, Caller.REP_OF_B),
				List.of(Caller.SECRETARIAT_OF_B, Caller.ADMIN));
		boolean takenOver = false;
		for (List<Caller> phase : phases) {
			if (phase == phases.get(1)) {
				// before B's secretariat and the administrator (who may add any organisation) have their turn
				takenOver = admin().get("/api/v1/alliances/" + slugA + "/members").body()
					.contains("\"organizationId\":" + ids.get("orgB") + ",");
			}
			for (Operation op : operations) {
				Set<Caller> allowed = RULES.get(op.key());
				if (allowed == null) {
					if (phase == phases.get(0)) {
						missingRules.add(op.key());
					}
					allowed = B_MANAGERS;
				}
				List<Variant> variants;
				try {
					variants = variants(op);
				}
				catch (IllegalArgumentException e) {
					if (phase == phases.get(0)) {
						unmapped.add(op.key() + ": " + e.getMessage());
					}
					continue;
				}
				for (Variant v : variants) {
					Set<Caller> rule = v.allowed() != null ? v.allowed() : allowed;
					String path = v.values().entrySet().stream().reduce(op.path(),
							(p, e) -> p.replace("{" + e.getKey() + "}", e.getValue()), (a, b) -> a) + query(op);
					for (Caller caller : phase) {
						TestClient.Response r = call(callers.get(caller), op, path, v.label());
						calls++;
						String status = r.status() >= 500 ? "5xx" : r.status() / 100 == 2 ? "2xx" : String.valueOf(r.status());
						counts.merge(status, 1, Integer::sum);
						table.computeIfAbsent(op.key() + v.label(), k -> new StringBuilder()).append(' ').append(r.status());
						boolean mayGet = rule.contains(caller)
								&& (!v.secretariatOnly() || B_MANAGERS.contains(caller));
						String line = op.method() + " " + path + " as " + caller + " → " + r.status();
						if (r.status() >= 500) {
							leaks.add(line + " (server error)");
						}
						else if (r.status() / 100 == 2 && !mayGet && !v.harmless().contains(r.status())) {
							leaks.add(line + v.label());
						}
						else if (r.status() / 100 == 2 && !B_READERS.contains(caller) && r.body().contains(secret)) {
							leaks.add(line + " (answer shows B's private objects)" + v.label());
						}
					}
				}
			}
		}
		System.out.println("endpoint matrix: " + operations.size() + " operations × " + Caller.values().length
				+ " callers, " + calls + " calls (with variants); answers " + counts + "; " + leaks.size() + " leaks, "
				+ missingRules.size() + " operations without a rule, " + unmapped.size() + " unmapped");
		System.out.println("statuses per operation, callers in the order " + java.util.Arrays.toString(Caller.values()));
		table.forEach((op, statuses) -> System.out.println("MATRIX " + op + ":" + statuses));
		leaks.forEach(l -> System.out.println("LEAK " + l));
		missingRules.forEach(m -> System.out.println("NO RULE " + m));
		setupProblems.forEach(p -> System.out.println("SET-UP " + p));
		assertThat(takenOver).as("B's member is a member of A after the outsiders' calls, without its consent").isFalse();
		assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(50);
		assertThat(unmapped).as("path variables without an object of B").isEmpty();
		assertThat(missingRules).as("operations without a rule in EndpointMatrixIntegrationTests.RULES").isEmpty();
		assertThat(leaks).as("answers the rule does not allow (METHOD path as caller → status)").isEmpty();
	}

	/** The objects of B an operation is called on: one per variant, each path variable mapped to an id. */
	List<Variant> variants(Operation op) {
		String p = op.path();
		List<Variant> result = new ArrayList<>();
		if (p.startsWith("/api/v1/motions/{id}") && !p.endsWith("/voters")) {
			result.add(variant(op, " (open ballot)", Map.of("id", id("openMotion")), false));
			result.add(variant(op, " (secret ballot)", Map.of("id", id("secretMotion")), false));
			result.add(variant(op, " (correspondence vote)", Map.of("id", id("correspondence")), false));
		}
		else if (p.startsWith("/api/v1/articles/{id}")) {
			result.add(variant(op, " (members-only)", Map.of("id", id("article")), false));
			result.add(variant(op, " (draft)", Map.of("id", id("draftArticle")), true));
		}
		else if (p.startsWith("/api/v1/surveys/{id}")) {
			result.add(variant(op, "", Map.of("id", id("survey")), false));
			result.add(variant(op, " (draft survey)", Map.of("id", id("draftSurvey")), true));
		}
		else {
			result.add(variant(op, "", Map.of(), false));
		}
		if (op.key().equals("POST /api/v1/alliances/{slug}/members")) {
			// taking over another alliance's member: A's secretariat adds B's member to A, without its consent
			// a 202 is an invitation that B's member must accept, not a membership (checked after the matrix)
			result.add(new Variant(" (B's member added to A)", Map.of("slug", slugA), false, ADMIN_ONLY, Set.of(202)));
		}
		return result;
	}

	private Variant variant(Operation op, String label, Map<String, String> given, boolean secretariatOnly) {
		Map<String, String> values = new HashMap<>(given);
		Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path());
		while (m.find()) {
			values.computeIfAbsent(m.group(1), name -> value(op.path(), name));
		}
		return new Variant(label, values, secretariatOnly);
	}

	/** The id of B's object that a path variable names, by its name and the path it is in. */
	private String value(String path, String name) {
		return switch (name) {
			case "slug" -> slugB;
			case "organizationId" -> path.startsWith("/api/v1/alliances/{slug}/members") ? id("spareMember") : id("orgB");
			case "fromOrganizationId" -> id("orgB2");
			case "position" -> "1";
			case "documentId" -> id("document");
			case "issue" -> String.valueOf(7);
			case "year" -> "2026";
			case "receipt" -> receipt;
			case "invitationId" -> id("invitation");
			case "job" -> UUID.randomUUID().toString();
			case "fileId" -> id("surveyFile");
			case "milestoneId" -> id("milestone");
			case "v" -> "1";
			case "number" -> {
				if (certificateNumber == null) {
					throw new IllegalArgumentException("the set-up made no certificate");
				}
				yield certificateNumber;
			}
			case "id" -> {
				if (path.startsWith("/api/v1/meetings/")) {
					yield id("meeting");
				}
				if (path.startsWith("/api/v1/motions/")) {
					yield id("correspondence");
				}
				if (path.startsWith("/api/v1/articles/")) {
					yield id("article");
				}
				if (path.startsWith("/api/v1/attachments/")) {
					yield id("attachment");
				}
				if (path.startsWith("/api/v1/search/synonyms/")) {
					yield id("synonyms");
				}
				if (path.startsWith("/api/v1/links/")) {
					yield id("link");
				}
				if (path.startsWith("/api/v1/applications/")) {
					yield id("application");
				}
				if (path.startsWith("/api/v1/organizations/")) {
					yield id("orgB");
				}
				if (path.startsWith("/api/v1/users/")) {
					yield id("repBUser");
				}
				if (path.startsWith("/api/v1/projects/")) {
					yield id("project");
				}
				if (path.startsWith("/api/v1/agreements/")) {
					yield id("agreement");
				}
				if (path.startsWith("/api/v1/bases/")) {
					yield id("base");
				}
				if (path.startsWith("/api/v1/resources/")) {
					yield id("resource");
				}
				if (path.startsWith("/api/v1/resource-requests/")) {
					yield id("resourceRequest");
				}
				if (path.startsWith("/api/v1/demands/")) {
					yield id("demand");
				}
				if (path.startsWith("/api/v1/achievements/")) {
					yield id("achievement");
				}
				if (path.startsWith("/api/v1/interests/")) {
					yield id("interest");
				}
				if (path.startsWith("/api/v1/transfers/")) {
					yield id("transfer");
				}
				if (path.startsWith("/api/v1/standards/")) {
					yield id("standard");
				}
				if (path.startsWith("/api/v1/funding-plans/")) {
					yield id("fundingPlan");
				}
				if (path.startsWith("/api/v1/funding-statements/")) {
					yield id("fundingStatement");
				}
				if (path.startsWith("/api/v1/comments/")) {
					yield id("standardComment");
				}
				if (path.startsWith("/api/v1/briefings/")) {
					yield id("briefing");
				}
				if (path.startsWith("/api/v1/mailings/")) {
					yield id("mailing");
				}
				throw new IllegalArgumentException("no object of B for {id}");
			}
			default -> throw new IllegalArgumentException("no object of B for {" + name + "}");
		};
	}

	private String id(String name) {
		Long id = ids.get(name);
		if (id == null) {
			throw new IllegalArgumentException("the set-up made no " + name);
		}
		return String.valueOf(id);
	}

	/** Required query parameters, filled. */
	private String query(Operation op) {
		StringBuilder q = new StringBuilder();
		for (JsonNode p : op.spec().path("parameters")) {
			if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean(false)) {
				String name = p.path("name").asString();
				q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
					.append("q".equals(name) ? secret : sample(name, p.path("schema"), 0).toString());
			}
		}
		if (op.path().equals("/api/v1/search") && q.isEmpty()) {
			q.append("?q=").append(secret);
		}
		return q.toString();
	}

	private TestClient.Response call(TestClient c, Operation op, String path, String variant) {
		JsonNode content = op.spec().path("requestBody").path("content");
		if (content.has("multipart/form-data")) {
			return path.contains(".xlsx") && workbook != null ? c.upload(path, "answers.xlsx", workbook)
					: c.upload(path, "tiny.pdf", pdf());
		}
		return switch (op.method()) {
			case "GET" -> c.get(path);
			case "DELETE" -> c.delete(path);
			default -> c.send(op.method(), path, body(op, content, variant));
		};
	}

	private Object body(Operation op, JsonNode content, String variant) {
		Supplier<Object> sample = samples.getOrDefault(op.key() + variant, samples.get(op.key()));
		if (sample != null) {
			return sample.get();
		}
		JsonNode schema = content.path("application/json").path("schema");
		if (schema.isMissingNode()) {
			return Map.of();
		}
		return sample("body", schema, 0);
	}

	// ---- bodies from the request schema: required properties with type-appropriate values

	private JsonNode components;

	private JsonNode resolve(JsonNode schema) {
		if (schema.has("$ref")) {
			if (components == null) {
				components = client().get("/v3/api-docs").json().path("components").path("schemas");
			}
			String ref = schema.get("$ref").asString();
			return components.path(ref.substring(ref.lastIndexOf('/') + 1));
		}
		return schema;
	}

	private Object sample(String name, JsonNode schema, int depth) {
		schema = resolve(schema);
		if (schema.has("enum")) {
			return schema.get("enum").get(0).asString();
		}
		String type = schema.path("type").asString("object");
		String format = schema.path("format").asString("");
		String lower = name.toLowerCase();
		switch (type) {
			case "integer", "number":
				if (lower.endsWith("organizationid")) {
					return ids.get("orgB");
				}
				return 1;
			case "boolean":
				return true;
			case "array":
				return depth > 3 ? List.of() : List.of(sample(name, schema.path("items"), depth + 1));
			case "string":
				return switch (format) {
					case "date" -> "2026-12-20";
					case "date-time" -> OffsetDateTime.now().plusDays(10).toString();
					case "email" -> "x" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
					case "uri", "url" -> "https://example.org/x";
					default -> lower.contains("url") || lower.contains("website") ? "https://example.org/x"
							: lower.equals("slug") ? "mx-" + UUID.randomUUID().toString().substring(0, 8) : "矩阵" + lower;
				};
			default:
				Map<String, Object> object = new LinkedHashMap<>();
				if (depth > 3) {
					return object;
				}
				Set<String> required = new java.util.HashSet<>();
				schema.path("required").forEach(r -> required.add(r.asString()));
				for (var property : schema.path("properties").properties()) {
					if (required.contains(property.getKey())) {
						object.put(property.getKey(), sample(property.getKey(), property.getValue(), depth + 1));
					}
				}
				return object;
		}
	}
}
