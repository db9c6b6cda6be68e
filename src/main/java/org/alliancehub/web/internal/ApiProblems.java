package org.alliancehub.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of an API call into an RFC 9457 problem, listing each invalid field. Access
 * refusals pass through to Spring Security, which answers 401 to strangers and 403 to the known.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	record FieldProblem(String field, String message) {
	}

	record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {
	}

	static ResponseEntity<Problem> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(new Problem("about:blank", status.getReasonPhrase(), status.value(), detail, errors));
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Problem> notFound(NotFound e) {
		return problem(HttpStatus.NOT_FOUND, e.getMessage() + " not found", List.of());
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<Problem> conflict(Conflict e) {
		return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
	}

	@ExceptionHandler(Forbidden.class)
	ResponseEntity<Problem> forbidden(Forbidden e) {
		return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
	}

	@ExceptionHandler(Invalid.class)
	ResponseEntity<Problem> invalid(Invalid e) {
		return problem(HttpStatus.BAD_REQUEST, "the request has invalid fields",
				e.errors().stream().map(f -> new FieldProblem(f.field(), f.message())).toList());
	}

	@ExceptionHandler(TooManyRequests.class)
	ResponseEntity<Problem> tooMany(TooManyRequests e) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(new Problem("about:blank", "Too Many Requests", 429, e.getMessage(), List.of()));
	}

	@ExceptionHandler(BadCredentialsException.class)
	ResponseEntity<Problem> badCredentials(BadCredentialsException e) {
		return problem(HttpStatus.UNAUTHORIZED, e.getMessage(), List.of());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Problem> notValid(MethodArgumentNotValidException e) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError f : e.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(f.getField(), messages.getMessage(f, LocaleContextHolder.getLocale())));
		}
		e.getBindingResult().getGlobalErrors()
			.forEach(g -> errors.add(new FieldProblem(g.getObjectName(), messages.getMessage(g, LocaleContextHolder.getLocale()))));
		return problem(HttpStatus.BAD_REQUEST, "the request has invalid fields", errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<Problem> notValid(HandlerMethodValidationException e) {
		List<FieldProblem> errors = new ArrayList<>();
		e.getParameterValidationResults().forEach(r -> r.getResolvableErrors()
			.forEach(err -> errors.add(new FieldProblem(r.getMethodParameter().getParameterName(),
					messages.getMessage(err, LocaleContextHolder.getLocale())))));
		return problem(HttpStatus.BAD_REQUEST, "the request has invalid parameters", errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
		String field = "body";
		if (e.getCause() instanceof DatabindException d && !d.getPath().isEmpty()) {
			StringBuilder b = new StringBuilder();
			d.getPath().forEach(ref -> {
				if (ref.getPropertyName() != null) {
					if (!b.isEmpty()) {
						b.append('.');
					}
					b.append(ref.getPropertyName());
				}
				else if (ref.getIndex() >= 0) {
					b.append('[').append(ref.getIndex()).append(']');
				}
			});
			field = b.toString();
		}
		return problem(HttpStatus.BAD_REQUEST, "the request body could not be read",
				List.of(new FieldProblem(field, "malformed JSON or a value of the wrong type")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Problem> mismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "a parameter has the wrong type",
				List.of(new FieldProblem(e.getName(), "not a valid value: " + e.getValue())));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Problem> missing(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "a parameter is missing",
				List.of(new FieldProblem(e.getParameterName(), "required")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of());
	}

	@ExceptionHandler(org.alliancehub.shared.TooLarge.class)
	ResponseEntity<Problem> tooLarge(org.alliancehub.shared.TooLarge e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of());
	}

	@ExceptionHandler(org.alliancehub.shared.UnsupportedType.class)
	ResponseEntity<Problem> unsupported(org.alliancehub.shared.UnsupportedType e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), List.of());
	}

	@ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
	ResponseEntity<Problem> missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e) {
		return problem(HttpStatus.BAD_REQUEST, "a part is missing",
				List.of(new FieldProblem(e.getRequestPartName(), "required")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Problem> tooLarge(MaxUploadSizeExceededException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "the upload is too large", List.of());
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException e) {
		throw e;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Problem> unexpected(Exception e) throws Exception {
		if (e instanceof org.springframework.web.ErrorResponse er) {
			HttpStatus status = HttpStatus.valueOf(er.getStatusCode().value());
			return problem(status, String.valueOf(er.getBody().getDetail()), List.of());
		}
		log.error("Unexpected failure of an API call", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged", List.of());
	}

}
