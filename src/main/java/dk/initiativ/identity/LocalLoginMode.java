package dk.initiativ.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** Local mode: our login form, users and hashed passwords in Camunda's identity tables. */
@Component
@ConditionalOnProperty(name = "initiativ.identity.mode", havingValue = "local", matchIfMissing = true)
class LocalLoginMode implements LoginMode {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage("/login").successHandler(new CitizenLanding()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/?logout").permitAll());
    }
}
