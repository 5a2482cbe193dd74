package fr.kiif.programmes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KiifProgrammesApplication {

    public static void main(String[] args) {
        SpringApplication.run(KiifProgrammesApplication.class, args);
    }
}
