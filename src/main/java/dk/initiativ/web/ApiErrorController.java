package dk.initiativ.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors that never reach a controller of ours (Spring Security's 401 and 403, the firewall's 400, an
 * unknown path, a too large body) still answer RFC 9457 problem details in the caller's language when
 * they concern the JSON API under {@code /api/}, whatever the caller accepts. Every other path keeps
 * Spring Boot's error handling (the friendly pages and their JSON twin).
 */
@Controller
@NotAccessLogged("error answers (problem details and error pages) name no citizen's data")
class ApiErrorController extends BasicErrorController {

    private final MessageSource messages;
    private final ObjectMapper json;

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> resolvers,
            MessageSource messages, ObjectMapper json) {
        super(errorAttributes, server.getError(), resolvers);
        this.messages = messages;
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!forApi(request)) {
            return super.errorHtml(request, response);
        }
        HttpStatus status = getStatus(request);
        try {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem(request, status));
        } catch (IOException gone) {
            // the client went away; nothing more to answer
        }
        return null;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!forApi(request)) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .body(problem(request, status));
    }

    private static boolean forApi(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && uri.startsWith(request.getContextPath() + "/api/");
    }

    private Map<String, Object> problem(HttpServletRequest request, HttpStatus status) {
        Locale locale = RequestContextUtils.getLocale(request);
        String key = key(request, status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage(key + ".title", null, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(key + ".detail", null, locale));
        problem.put("instance", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        return problem;
    }

    private static String key(HttpServletRequest request, HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "problem.badRequest";
            case UNAUTHORIZED -> "problem.unauthorized";
            case FORBIDDEN -> request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                    ? "problem.csrf" : "problem.forbidden";
            case NOT_FOUND -> "problem.notFound";
            case METHOD_NOT_ALLOWED -> "problem.methodNotAllowed";
            case NOT_ACCEPTABLE -> "problem.notAcceptable";
            case CONFLICT -> "problem.conflict";
            case UNSUPPORTED_MEDIA_TYPE -> "problem.unsupportedMediaType";
            default -> "problem.error";
        };
    }
}
