package io.filestore.data.auditing;

import java.lang.annotation.Annotation;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.auditing.AuditingHandler;
import org.springframework.data.auditing.config.AuditingBeanDefinitionRegistrarSupport;
import org.springframework.data.auditing.config.AuditingConfiguration;

import io.filestore.data.mapping.FileStoreMappingContext;

/** Registers the auditing handler over FileStore's mapping context and hands it to the template. */
class FileStoreAuditingRegistrar extends AuditingBeanDefinitionRegistrarSupport {

    static final String HANDLER = "fileStoreAuditingHandler";

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableFileStoreAuditing.class;
    }

    @Override
    protected String getAuditingHandlerBeanName() {
        return HANDLER;
    }

    @Override
    protected BeanDefinitionBuilder getAuditHandlerBeanDefinitionBuilder(AuditingConfiguration configuration) {
        BeanDefinitionBuilder builder = BeanDefinitionBuilder.rootBeanDefinition(AuditingHandler.class, "from");
        builder.addConstructorArgValue(BeanDefinitionBuilder.rootBeanDefinition(FileStoreMappingContext.class)
                .setAutowireMode(AbstractBeanDefinition.AUTOWIRE_NO).getBeanDefinition());
        return configureDefaultAuditHandlerAttributes(configuration, builder);
    }

    @Override
    protected void registerAuditListenerBeanDefinition(BeanDefinition handler, BeanDefinitionRegistry registry) {
        registerInfrastructureBeanWithId(BeanDefinitionBuilder.rootBeanDefinition(AuditingTemplatePostProcessor.class)
                .getBeanDefinition(), AuditingTemplatePostProcessor.class.getName(), registry);
    }
}
