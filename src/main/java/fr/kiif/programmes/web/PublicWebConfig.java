package fr.kiif.programmes.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Static public pages, and the rate limit on everything the public can submit. */
@Configuration
public class PublicWebConfig implements WebMvcConfigurer {

    private final SubmissionRateLimitInterceptor rateLimit;

    public PublicWebConfig(SubmissionRateLimitInterceptor rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/confidentialite").setViewName("privacy");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit)
                .addPathPatterns("/api/calls/*/applications", "/appels/*/candidater", "/suivi/*/complement");
    }
}
