package dk.initiativ.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The JSON API answers every error as RFC 9457 problem details, in the caller's language
 * ({@code Accept-Language}); validation errors name each field.
 */
@RestControllerAdvice(basePackages = "dk.initiativ")
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    /** One field error: the field's name as sent, and a message for a person. */
    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messages.getMessage(error, locale)))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation", locale);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        if (ex.getCause() instanceof JsonMappingException mismatch && !mismatch.getPath().isEmpty()
                && mismatch.getPath().get(0).getFieldName() != null) {
            // readable JSON, but a value of the wrong type, out of range, beyond our limits or an unknown code: name
            // the field
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation", locale);
            problem.setProperty("errors", List.of(new FieldProblem(mismatch.getPath().get(0).getFieldName(),
                    messages.getMessage("problem.field.invalidValue", null, locale))));
            return ResponseEntity.badRequest().headers(headers).body(problem);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.unreadable", locale);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** The answer exists as JSON only; the problem is sent as problem details whatever the caller accepts. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.NOT_ACCEPTABLE, "problem.notAcceptable", LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.unsupportedMediaType",
                LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(FieldProblemException.class)
    ResponseEntity<ProblemDetail> fieldProblem(FieldProblemException ex) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.validation", locale);
        problem.setProperty("errors", List.of(new FieldProblem(ex.field(), messages.getMessage(ex.messageKey(), null, locale))));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Several problems at once (an upload's bad lines, a decision table's bad rules): one error each. */
    @ExceptionHandler(FieldProblemsException.class)
    ResponseEntity<ProblemDetail> fieldProblems(FieldProblemsException ex) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.detail(messages, locale));
        problem.setTitle(messages.getMessage("problem.validation.title", null, locale));
        problem.setProperty("errors", ex.errors(messages, locale));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        return status(HttpStatus.NOT_FOUND, "problem.notFound");
    }

    @ExceptionHandler({ConflictException.class, OptimisticLockingException.class,
            ObjectOptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
        log.info("Conflict: {}", ex.getMessage());
        String key = ex instanceof ConflictException conflict ? conflict.messageKey() : "conflict.concurrent";
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "problem.conflict", LocaleContextHolder.getLocale());
        problem.setDetail(messages.getMessage(key, null, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException ex) {
        log.info("Refused: {}", ex.getMessage());
        return status(HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    /** The engine's own refusal (a rule checked in a process step, e.g. only the team's manager chooses). */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ProblemDetail> engineRefused(AuthorizationException ex) {
        log.info("The engine refused: {}", ex.getMessage());
        return status(HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    private ResponseEntity<ProblemDetail> status(HttpStatus status, String key) {
        return ResponseEntity.status(status).body(problem(status, key, LocaleContextHolder.getLocale()));
    }

    /** The engine refused the work: the transaction is rolled back, nothing is stored. */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ProblemDetail> engineFailure(ProcessEngineException ex) {
        log.error("The process engine refused a request; the transaction was rolled back", ex);
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.engine", LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String key, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key + ".detail", null, locale));
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        return problem;
    }
}
