package org.alliancehub.identity.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.alliancehub.identity.RoleGrant;
import org.alliancehub.identity.Users;
import org.alliancehub.platform.AllianceHubProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The first administrator is made on the first start only, its password hashed beside the start. */
class FirstAdministratorTests {

	private static AllianceHubProperties properties(String adminPassword) {
		return new AllianceHubProperties(Path.of("./data"), null, adminPassword, Duration.ofHours(12), 10485760, true,
				"http://localhost:8080");
	}

	@Test
	void theAdministratorsPasswordIsHashedBesideTheStartNotOnTheThreadThatRunsTheStartsRunners() {
		Users users = mock(Users.class);
		when(users.exists("admin")).thenReturn(false);
		Set<String> hashedOn = ConcurrentHashMap.newKeySet();
		when(users.hash("chosen-password")).thenAnswer(call -> {
			hashedOn.add(Thread.currentThread().getName());
			return "{bcrypt}chosen";
		});
		new FirstAdministrator(users, properties("chosen-password")).run(new DefaultApplicationArguments());
		verify(users).createHashed(eq("admin"), anyString(), isNull(), eq("{bcrypt}chosen"), eq(List.of(RoleGrant.networkAdmin())));
		assertThat(hashedOn).containsExactly("first-administrator");
	}

	@Test
	void aRestartFindsTheAdministratorAndNeitherHashesNorMakesOne() {
		Users users = mock(Users.class);
		when(users.exists("admin")).thenReturn(true);
		new FirstAdministrator(users, properties("chosen-password")).run(new DefaultApplicationArguments());
		verify(users, never()).hash(anyString());
		verify(users, never()).createHashed(anyString(), anyString(), any(), anyString(), any());
		verify(users, never()).create(anyString(), anyString(), any(), anyString(), any());
	}

	@Test
	void anAdministratorMadeElsewhereMeanwhileIsNotMadeAgain() {
		Users users = mock(Users.class);
		// none when asked beside the start, one when the runner asks again (another node made it meanwhile)
		when(users.exists("admin")).thenReturn(false, true);
		when(users.hash(anyString())).thenReturn("{bcrypt}x");
		new FirstAdministrator(users, properties("chosen-password")).run(new DefaultApplicationArguments());
		verify(users, never()).createHashed(anyString(), anyString(), any(), anyString(), any());
	}

	@Test
	void withoutAConfiguredPasswordARandomOneIsHashedAndTheAdministratorMade() {
		Users users = mock(Users.class);
		when(users.exists("admin")).thenReturn(false);
		when(users.hash(anyString())).thenAnswer(call -> "{bcrypt}" + call.getArgument(0));
		new FirstAdministrator(users, properties("")).run(new DefaultApplicationArguments());
		verify(users).createHashed(eq("admin"), anyString(), isNull(),
				org.mockito.ArgumentMatchers.matches("\\{bcrypt\\}[a-zA-Z2-9]{20}"), eq(List.of(RoleGrant.networkAdmin())));
	}

}
