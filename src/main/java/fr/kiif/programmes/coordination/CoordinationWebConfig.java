package fr.kiif.programmes.coordination;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Cross-site form posts refused on the coordination pages and the incubator staff pages (both HTTP Basic). */
@Configuration
public class CoordinationWebConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SameOriginPosts()).addPathPatterns("/coordination/**", "/incubateur/**");
    }
}
