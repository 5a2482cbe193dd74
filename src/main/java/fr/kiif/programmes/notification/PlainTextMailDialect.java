package fr.kiif.programmes.notification;

import java.util.LinkedHashSet;
import java.util.Set;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Spring standard dialect whose {@code [[...]]} / {@code th:text} do not HTML-escape in TEXT mode:
 * Thymeleaf escapes them by default, which would put {@code L&#39;équipe} in a plain-text mail.
 */
final class PlainTextMailDialect extends SpringStandardDialect {

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        Set<IProcessor> processors = new LinkedHashSet<>();
        for (IProcessor processor : super.getProcessors(dialectPrefix)) {
            boolean textInText = processor instanceof StandardTextTagProcessor
                    && processor.getTemplateMode() == TemplateMode.TEXT;
            processors.add(textInText ? new UnescapedTextProcessor(dialectPrefix) : processor);
        }
        return processors;
    }

    private static final class UnescapedTextProcessor extends AbstractStandardExpressionAttributeTagProcessor {

        UnescapedTextProcessor(String dialectPrefix) {
            super(TemplateMode.TEXT, dialectPrefix, StandardTextTagProcessor.ATTR_NAME,
                    StandardTextTagProcessor.PRECEDENCE, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String attributeValue, Object expressionResult,
                                 IElementTagStructureHandler structureHandler) {
            structureHandler.setBody(expressionResult == null ? "" : expressionResult.toString(), false);
        }
    }
}
