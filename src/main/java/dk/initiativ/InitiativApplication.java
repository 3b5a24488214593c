package dk.initiativ;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InitiativApplication {

    public static void main(String[] args) {
        SpringApplication.run(InitiativApplication.class, args);
    }
}
