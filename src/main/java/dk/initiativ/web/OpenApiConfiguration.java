package dk.initiativ.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of Initiativ's JSON API (springdoc), served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI initiativApi() {
        return new OpenAPI()
                .info(new Info().title("Initiativ API").version("v1")
                        .description("Citizens submit and follow initiatives (submission, /api/citizen/{token}); "
                                + "staff work the cases (/api/tasks, /api/initiatives). Errors are RFC 9457 problem "
                                + "details; validation errors list each field.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
