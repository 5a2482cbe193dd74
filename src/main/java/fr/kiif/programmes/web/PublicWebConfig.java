package fr.kiif.programmes.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Static public pages, the rate limit on everything the public can submit, and the private-link pages' headers. */
@Configuration
public class PublicWebConfig implements WebMvcConfigurer {

    private final SubmissionRateLimitInterceptor rateLimit;
    private final PrivateLinkHeaders privateLinkHeaders;

    public PublicWebConfig(SubmissionRateLimitInterceptor rateLimit, PrivateLinkHeaders privateLinkHeaders) {
        this.rateLimit = rateLimit;
        this.privateLinkHeaders = privateLinkHeaders;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/confidentialite").setViewName("privacy");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit)
                .addPathPatterns("/api/calls/*/applications", "/appels/*/candidater", "/suivi/*/complement");
        registry.addInterceptor(privateLinkHeaders).addPathPatterns("/suivi/**");
    }
}
