package io.filestore.data.auditing;

import java.lang.annotation.Annotation;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ObjectFactoryCreatingFactoryBean;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.data.auditing.IsNewAwareAuditingHandler;
import org.springframework.data.auditing.config.AuditingBeanDefinitionRegistrarSupport;
import org.springframework.data.auditing.config.AuditingConfiguration;

import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.event.AuditingEntityCallback;

/**
 * Registers an {@link IsNewAwareAuditingHandler} over the application's {@link FileStoreMappingContext}
 * and an {@link AuditingEntityCallback} that runs it before every save, as Spring Data MongoDB does.
 */
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
        BeanDefinitionBuilder builder = BeanDefinitionBuilder.rootBeanDefinition(IsNewAwareAuditingHandler.class, "from");
        builder.addConstructorArgValue(BeanDefinitionBuilder.rootBeanDefinition(MappingContextLookup.class).getBeanDefinition());
        return configureDefaultAuditHandlerAttributes(configuration, builder);
    }

    @Override
    protected void registerAuditListenerBeanDefinition(BeanDefinition handler, BeanDefinitionRegistry registry) {
        BeanDefinitionBuilder handlerFactory = BeanDefinitionBuilder.rootBeanDefinition(ObjectFactoryCreatingFactoryBean.class)
                .addPropertyValue("targetBeanName", HANDLER);
        BeanDefinitionBuilder callback = BeanDefinitionBuilder.rootBeanDefinition(AuditingEntityCallback.class)
                .addConstructorArgValue(handlerFactory.getBeanDefinition());
        registerInfrastructureBeanWithId(callback.getBeanDefinition(), AuditingEntityCallback.class.getName(), registry);
    }

    /**
     * The application's mapping context, looked up by type when the handler is created (the
     * auto-configuration registers it after this registrar ran), or a new one for an application
     * without it. An inner bean, so that it never counts as a mapping context bean itself.
     */
    static final class MappingContextLookup implements FactoryBean<FileStoreMappingContext>, BeanFactoryAware {

        private BeanFactory beanFactory;

        @Override
        public void setBeanFactory(BeanFactory beanFactory) {
            this.beanFactory = beanFactory;
        }

        @Override
        public FileStoreMappingContext getObject() {
            return beanFactory.getBeanProvider(FileStoreMappingContext.class).getIfUnique(FileStoreMappingContext::new);
        }

        @Override
        public Class<?> getObjectType() {
            return FileStoreMappingContext.class;
        }
    }
}
