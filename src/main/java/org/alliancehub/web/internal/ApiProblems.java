package org.alliancehub.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.alliancehub.shared.Conflict;
import org.alliancehub.shared.Forbidden;
import org.alliancehub.shared.Invalid;
import org.alliancehub.shared.Invalid.FieldError;
import org.alliancehub.shared.NotFound;
import org.alliancehub.shared.Problems;
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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
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

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldError> errors) {
		return Problems.response(Problems.of(status, detail, errors));
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound e) {
		return problem(HttpStatus.NOT_FOUND, e.getMessage() + " not found", List.of());
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<ProblemDetail> conflict(Conflict e) {
		return problem(HttpStatus.CONFLICT, e.getMessage(), List.of());
	}

	@ExceptionHandler(Forbidden.class)
	ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
		return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
	}

	@ExceptionHandler(Invalid.class)
	ResponseEntity<ProblemDetail> invalid(Invalid e) {
		return problem(HttpStatus.BAD_REQUEST, "the request has invalid fields", e.errors());
	}

	@ExceptionHandler(TooManyRequests.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
	}

	@ExceptionHandler(BadCredentialsException.class)
	ResponseEntity<ProblemDetail> badCredentials(BadCredentialsException e) {
		return problem(HttpStatus.UNAUTHORIZED, e.getMessage(), List.of());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException e) {
		List<FieldError> errors = new ArrayList<>();
		for (org.springframework.validation.FieldError f : e.getBindingResult().getFieldErrors()) {
			errors.add(new FieldError(f.getField(), messages.getMessage(f, LocaleContextHolder.getLocale())));
		}
		e.getBindingResult().getGlobalErrors()
			.forEach(g -> errors.add(new FieldError(g.getObjectName(), messages.getMessage(g, LocaleContextHolder.getLocale()))));
		return problem(HttpStatus.BAD_REQUEST, "the request has invalid fields", errors);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> notValid(HandlerMethodValidationException e) {
		List<FieldError> errors = new ArrayList<>();
		e.getParameterValidationResults().forEach(r -> r.getResolvableErrors()
			.forEach(err -> errors.add(new FieldError(r.getMethodParameter().getParameterName(),
					messages.getMessage(err, LocaleContextHolder.getLocale())))));
		return problem(HttpStatus.BAD_REQUEST, "the request has invalid parameters", errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
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
				List.of(new FieldError(field, "malformed JSON or a value of the wrong type")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "a parameter has the wrong type",
				List.of(new FieldError(e.getName(), "not a valid value: " + e.getValue())));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "a parameter is missing",
				List.of(new FieldError(e.getParameterName(), "required")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of());
	}

	@ExceptionHandler(org.alliancehub.shared.TooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(org.alliancehub.shared.TooLarge e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of());
	}

	@ExceptionHandler(org.alliancehub.shared.UnsupportedType.class)
	ResponseEntity<ProblemDetail> unsupported(org.alliancehub.shared.UnsupportedType e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), List.of());
	}

	@ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e) {
		return problem(HttpStatus.BAD_REQUEST, "a part is missing",
				List.of(new FieldError(e.getRequestPartName(), "required")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "the upload is too large", List.of());
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException e) {
		throw e;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
		if (e instanceof org.springframework.web.ErrorResponse er) {
			HttpStatus status = HttpStatus.valueOf(er.getStatusCode().value());
			return problem(status, String.valueOf(er.getBody().getDetail()), List.of());
		}
		log.error("Unexpected failure of an API call", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; it has been logged", List.of());
	}

}
