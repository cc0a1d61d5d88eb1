package io.filestore.sample.web;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.filestore.UniqueConstraintException;
import io.filestore.sample.user.UnknownUserException;

/**
 * Every error of the API as an RFC 9457 problem (JSON with {@code status}, {@code title}, {@code detail}):
 * Spring MVC's own (malformed JSON, failed validation, a missing parameter and a sort by an unknown
 * property are 400) plus FileStore's, translated by its Spring Data layer: a taken unique value or a
 * stale version is 409, an id FileStore refuses is 400, a store that cannot write (fenced, closed, its
 * disk failing) is 503; a request naming a user that does not exist is 400.
 * A failed validation, of a request body or of a request parameter, a missing parameter and a taken
 * unique value also list each field or parameter at fault under {@code errors}.
 * What no handler here answers is a problem too: {@link ProblemErrorController} for the rest of the
 * application, {@link ProblemErrorReportValve} for what the web server refuses itself.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new TreeMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.merge(error.getField(), String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b);
        }
        ProblemDetail problem = e.getBody();
        problem.setDetail("Invalid request content: " + errors);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        // a handler with a constraint on a parameter (an @StorableId path variable) has its @Valid body
        // checked here too, not through MethodArgumentNotValidException: its fields are named as there
        Map<String, String> errors = new TreeMap<>();
        boolean body = false;
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors fields) {
                body = true;
                for (FieldError error : fields.getFieldErrors()) {
                    errors.merge(error.getField(), String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b);
                }
                continue;
            }
            String parameter = nameOf(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.merge(parameter, String.valueOf(error.getDefaultMessage()), (a, b) -> a + "; " + b);
            }
        }
        ProblemDetail problem = e.getBody();
        problem.setDetail((body ? "Invalid request content: " : "Invalid request parameters: ") + errors);
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** The name the client used: the request parameter's, else the method parameter's. */
    private static String nameOf(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        String name = parameter.getParameterName();
        return name != null ? name : "argument " + parameter.getParameterIndex();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "The request body is not valid JSON of the expected shape");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = e.getBody();
        problem.setProperty("errors", Map.of(e.getParameterName(), "is required"));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = e.getBody();
        if (e instanceof UnsatisfiedServletRequestParameterException unsatisfied) {
            // Spring's own detail ("Invalid request parameters.") names none of them
            problem.setDetail("The request's parameters match none of " + unsatisfied.getParamConditionGroups().stream()
                    .map(group -> String.join(" & ", group)).toList());
        }
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * A taken unique value, named with the field it belongs to; the record that holds it is another
     * user's, so its id stays out of the answer.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UniqueConstraintException unique) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "The " + unique.field() + " '" + unique.key() + "' is already taken");
                problem.setProperty("errors", Map.of(unique.field(), "is already taken"));
                return problem;
            }
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A value that must be unique is already taken");
    }

    /** {@code ?sort=} by a property the type does not have. */
    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownProperty(PropertyReferenceException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** The store is fenced, closed or failing: the request was right, the server cannot take it now. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ProblemDetail storeUnavailable(DataAccessResourceFailureException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail staleVersion(OptimisticLockingFailureException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(UnknownUserException.class)
    ProblemDetail unknownUser(UnknownUserException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(InvalidDataAccessApiUsageException.class)
    ProblemDetail invalidId(InvalidDataAccessApiUsageException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
