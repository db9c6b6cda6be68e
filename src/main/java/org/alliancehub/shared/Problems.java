package org.alliancehub.shared;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.ObjectMapper;

/**
 * The one shape of every RFC 9457 problem the API answers, on Spring's {@link ProblemDetail}: {@code type},
 * {@code title}, {@code status}, {@code detail} and {@code errors: [{field, message}]}, the list empty when no
 * field is to blame. Controllers answer it through the message converters; filters that answer before any
 * controller runs write it with the application's Jackson mapper.
 */
public final class Problems {

	private static final URI BLANK = URI.create("about:blank");

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String detail) {
		return of(status, detail, List.of());
	}

	public static ProblemDetail of(HttpStatus status, String detail, List<Invalid.FieldError> errors) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
		p.setType(BLANK);
		p.setTitle(status.getReasonPhrase());
		p.setProperty("errors", List.copyOf(errors));
		return p;
	}

	public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** For filters and security entry points, which answer before Spring MVC's converters are reached. */
	public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}
}
