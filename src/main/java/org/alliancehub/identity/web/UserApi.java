package org.alliancehub.identity.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.alliancehub.identity.Access;
import org.alliancehub.identity.AllianceUser;
import org.alliancehub.identity.LoginThrottle;
import org.alliancehub.identity.NewUser;
import org.alliancehub.identity.UserView;
import org.alliancehub.identity.Users;
import org.alliancehub.shared.PageResult;
import org.alliancehub.shared.TooManyRequests;
import org.alliancehub.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users")
class UserApi {

	private final Users users;

	private final Access access;

	private final LoginThrottle throttle;

	UserApi(Users users, Access access, LoginThrottle throttle) {
		this.throttle = throttle;
		this.users = users;
		this.access = access;
	}

	@PostMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Create a user with roles the caller may grant: the administrator any; a secretariat "
			+ "SECRETARIAT of its alliance and the first MEMBER_REP of an organisation its alliance registered and "
			+ "nobody represents; a representative MEMBER_REP of its own organisation (403 otherwise)")
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser user) {
		UserView created = users.create(user, access.requireUser());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@GetMapping
	@PreAuthorize("@access.isNetworkAdmin()")
	PageResult<UserView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return users.list(Paging.of(page, size));
	}

	record RolesRequest(@NotNull @Valid List<NewUser.RoleInput> roles) {
	}

	@PutMapping("/{id}/roles")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Replace a user's roles, e.g. an organisation's representative hands MEMBER_REP over to a "
			+ "colleague; only roles the caller may grant can be added or taken away (a secretariat never changes "
			+ "an organisation's representative once it has one); the answer carries the e-mail address only "
			+ "for the administrator and the user itself")
	UserView replaceRoles(@PathVariable long id, @Valid @RequestBody RolesRequest request) {
		return users.replaceRoles(id, request.roles(), access.requireUser());
	}

	@GetMapping("/{id}")
	@PreAuthorize("@access.isNetworkAdmin()")
	UserView get(@PathVariable long id) {
		return users.view(id);
	}

	record UserPatch(@NotNull Boolean enabled) {
	}

	@PatchMapping("/{id}")
	@PreAuthorize("@access.isNetworkAdmin()")
	@Operation(summary = "Disable a user (sign-in, every session and every token end at once) or enable them again")
	UserView patch(@PathVariable long id, @Valid @RequestBody UserPatch patch) {
		return users.setEnabled(id, patch.enabled(), access.requireUser());
	}

	record PasswordChange(@NotNull @Size(max = 200) String currentPassword,
			@NotNull @Size(min = 10, max = 200, message = "{validation.password}") String newPassword) {
	}

	@PutMapping("/me/password")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Change your own password; every session and bearer token of yours ends, this one too")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change, HttpServletRequest request) {
		AllianceUser me = access.requireUser();
		throttle.attempt(me.getUsername(), request.getRemoteAddr()).ifPresent(wait -> {
			throw new TooManyRequests(wait);
		});
		users.changePassword(me, change.currentPassword(), change.newPassword());
		throttle.succeeded(me.getUsername(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}
}
