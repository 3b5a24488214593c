package dk.initiativ.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


/**
 * Who may reach what. Public: the start page, the submission endpoint, static files, health.
 * Staff: the staff API, the engine REST API and the Camunda webapps (Cockpit for managers and
 * admins, Admin for admins only). Citizens get no Camunda webapp. The login itself is the
 * active {@link LoginMode}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String MANAGER = Role.MANAGER.groupId();
    private static final String ADMIN = Role.ADMIN.groupId();

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginMode loginMode,
            CamundaIdentityAuthenticationProvider camundaIdentity) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher machineClients = new OrRequestMatcher(
                path.matcher("/api/**"), path.matcher("/engine-rest/**"), path.matcher("/camunda/api/**"),
                path.matcher("/actuator/**"));
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Initiativ");

        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/images/**", "/dkfds/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        // the citizen portal: the form's receipt, the showcase, the privacy notice, and the
                        // tracking pages reached with the private token only (CSRF applies to their forms)
                        .requestMatchers("/receipt", "/showcase", "/showcase/**", "/privacy", "/track/**").permitAll()
                        .requestMatchers("/my", "/my/**").hasRole(Role.CITIZEN.groupId())
                        .requestMatchers(HttpMethod.POST, "/api/initiatives").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/catalog/**").permitAll()
                        // the API's description is public; it holds no data
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**").hasAnyRole(Role.STAFF)
                        // the citizen's own case, reached with the private tracking token only
                        .requestMatchers("/api/citizen/**").permitAll()
                        // the case page for staff, linked from Tasklist's forms
                        .requestMatchers("/cases/**").hasAnyRole(Role.STAFF)
                        .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/setup/**").hasRole(ADMIN)
                        .requestMatchers("/camunda/app/cockpit/**").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers("/camunda/**").hasAnyRole(Role.STAFF)
                        .requestMatchers("/engine-rest/**").hasAnyRole(Role.STAFF)
                        .requestMatchers("/api/**").hasAnyRole(Role.STAFF)
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .authenticationProvider(camundaIdentity)
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(basic, machineClients))
                // Camunda's webapps and engine REST API carry their own CSRF protection; the JSON API
                // accepts only application/json, which a cross-site form cannot send.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/api/**", "/engine-rest/**", "/api/**"));
        loginMode.configure(http);
        return http.build();
    }
}
