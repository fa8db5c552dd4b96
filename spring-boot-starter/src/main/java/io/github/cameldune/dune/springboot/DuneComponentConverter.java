package io.github.cameldune.dune.springboot;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the component's bean options to beans of the application: {@code camel.component.dune.ssl-context-parameters
 * = #mySsl} (or {@code #bean:mySsl}) is the bean named {@code mySsl}.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class DuneComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    /** A converter looking beans up in the application context. */
    public DuneComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(
                new ConvertiblePair(String.class, io.github.cameldune.dune.DuneConfiguration.class),
                new ConvertiblePair(String.class, org.apache.camel.spi.IdempotentRepository.class),
                new ConvertiblePair(String.class, org.apache.camel.spi.StateRepository.class),
                new ConvertiblePair(String.class, org.apache.camel.support.jsse.SSLContextParameters.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !source.toString().startsWith("#")) {
            return null;
        }
        String ref = source.toString();
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        return applicationContext.getBean(ref, targetType.getType());
    }
}
