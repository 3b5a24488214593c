package dk.initiativ.identity;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


/**
 * Who may reach what. Public: the start page, the submission endpoint, static files, health.
 * Staff: the staff API, the engine REST API and the Camunda webapps (Cockpit for managers and
 * admins, Admin for admins only). Department members: their work list, their permit decisions, the case page
 * (which shows them only their permits' part), Tasklist and the engine REST API (Camunda's authorizations
 * give them their group's tasks only). Citizens get no Camunda webapp. The login itself is the
 * active {@link LoginMode}'s.
 * <p>The engine REST API takes HTTP Basic only, never the login session, so a page on another site
 * cannot use a staff member's cookie there; nobody creates, redeploys or deletes a deployment through
 * it or through the webapps' engine API (ADR 0006). The JSON API needs a CSRF token whenever it is
 * called with the login session; HTTP Basic callers and anonymous callers without a session need none.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String MANAGER = Role.MANAGER.groupId();
    private static final String ADMIN = Role.ADMIN.groupId();

    /** Every engine path that changes deployments, under the engine REST API and the webapps' engine API. */
    private static RequestMatcher deploymentChanges(PathPatternRequestMatcher.Builder path) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String deployments : List.of("/engine-rest/deployment/**", "/engine-rest/engine/*/deployment/**",
                "/camunda/api/engine/engine/*/deployment/**")) {
            for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                matchers.add(path.matcher(method, deployments));
            }
        }
        return new OrRequestMatcher(matchers);
    }

    /**
     * The engine REST API: HTTP Basic on every request, no session read or made (so no CSRF to guard),
     * Camunda's authorizations apply to the caller ({@link CamundaSingleSignOn}).
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRestFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider camundaIdentity)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Initiativ");
        http.securityMatcher(path.matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(deploymentChanges(path)).denyAll()
                        .anyRequest().hasAnyRole(Role.STAFF_AND_DEPARTMENTS))
                .authenticationProvider(camundaIdentity)
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(basic))
                .csrf(csrf -> csrf.disable());
        PageSecurityHeaders.configure(http);
        return http.build();
    }

    /**
     * Unsafe requests that must carry a CSRF token: every one, except those to Camunda's webapp API (which
     * checks its own token) and those to the JSON API that do not come with the login session (HTTP Basic,
     * or an anonymous caller without a session).
     */
    static RequestMatcher needsCsrfToken(PathPatternRequestMatcher.Builder path) {
        RequestMatcher camundaApi = path.matcher("/camunda/api/**");
        RequestMatcher api = path.matcher("/api/**");
        return request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request) && !camundaApi.matches(request)
                && !(api.matches(request) && !withLoginSession(request));
    }

    /** A valid session cookie and no HTTP Basic credentials (which would authenticate the request instead). */
    private static boolean withLoginSession(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return !basic && request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginMode loginMode,
            CamundaIdentityAuthenticationProvider camundaIdentity) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher machineClients = new OrRequestMatcher(
                path.matcher("/api/**"), path.matcher("/camunda/api/**"),
                path.matcher("/actuator/**"));
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Initiativ");

        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/images/**", "/dkfds/**", "/dmn-js/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        // the citizen portal: the form's receipt, the showcase, the privacy notice, and the
                        // tracking pages reached with the private token only (CSRF applies to their forms)
                        .requestMatchers("/receipt", "/showcase", "/showcase/**", "/privacy", "/track/**", "/kode").permitAll()
                        .requestMatchers("/my", "/my/**").hasRole(Role.CITIZEN.groupId())
                        .requestMatchers(HttpMethod.POST, "/api/initiatives").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/catalog/**").permitAll()
                        // the API's description is public; it holds no data
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**").hasAnyRole(Role.STAFF)
                        // the citizen's own case, reached with the private tracking token only
                        .requestMatchers("/api/citizen/**").permitAll()
                        // the case page for staff, linked from Tasklist's forms
                        // (a department member reads only what a permit of their department needs)
                        .requestMatchers("/cases/**").hasAnyRole(Role.STAFF_AND_DEPARTMENTS)
                        // a manager moves all cases of a person of their team (CaseMoves checks which team)
                        .requestMatchers("/medarbejdere/**").hasAnyRole(MANAGER, ADMIN)
                        // any employee registers an initiative for a citizen met in person, by phone or by letter
                        .requestMatchers("/registrer", "/registrer/**").hasAnyRole(Role.STAFF_AND_DEPARTMENTS)
                        // the staff inbox (a department member sees their department's permit tasks only)
                        .requestMatchers("/indbakke", "/indbakke/**").hasAnyRole(Role.STAFF_AND_DEPARTMENTS)
                        // the manager dashboard and its CSV downloads
                        .requestMatchers("/overblik", "/overblik/**").hasAnyRole(MANAGER, ADMIN)
                        // the log of staff access to personal data: admins only (ADR 0028)
                        .requestMatchers("/adgangslog", "/adgangslog.csv").hasRole(ADMIN)
                        // erasure of a case's personal data on request: admins only (ADR 0032)
                        .requestMatchers("/sletning").hasRole(ADMIN)
                        // the administration of reference data and its change record: admins only (issue 13)
                        .requestMatchers("/admin", "/admin/**", "/api/admin/**").hasRole(ADMIN)
                        .requestMatchers(deploymentChanges(path)).denyAll()
                        .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/setup/**").hasRole(ADMIN)
                        .requestMatchers("/camunda/app/cockpit/**", "/camunda/api/cockpit/**").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers("/camunda/**").hasAnyRole(Role.STAFF_AND_DEPARTMENTS)
                        // departments: their work list, claiming and deciding their permit tasks, nothing else
                        .requestMatchers(HttpMethod.GET, "/api/tasks").hasAnyRole(Role.STAFF_AND_DEPARTMENTS)
                        .requestMatchers(HttpMethod.POST, "/api/tasks/*/claim", "/api/tasks/*/permit-decision")
                                .hasAnyRole(Role.STAFF_AND_DEPARTMENTS)
                        .requestMatchers("/api/statistics/**").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers("/api/initiatives/*/erasure").hasRole(ADMIN)
                        .requestMatchers("/api/**").hasAnyRole(Role.STAFF)
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .authenticationProvider(camundaIdentity)
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(basic, machineClients)
                        // the error page then knows why (a missing CSRF token has a page and a problem of its own)
                        .accessDeniedHandler((request, response, denied) -> {
                            request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
                            response.sendError(HttpServletResponse.SC_FORBIDDEN);
                        }))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(needsCsrfToken(path)));
        PageSecurityHeaders.configure(http);
        loginMode.configure(http);
        return http.build();
    }
}
