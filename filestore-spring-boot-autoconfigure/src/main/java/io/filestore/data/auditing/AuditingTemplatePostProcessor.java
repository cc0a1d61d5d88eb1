package io.filestore.data.auditing;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.auditing.AuditingHandler;

import io.filestore.data.core.FileStoreTemplate;

/** Gives the auditing handler to the {@link FileStoreTemplate} as soon as the template exists. */
class AuditingTemplatePostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof FileStoreTemplate template) {
            template.setAuditingHandler(beanFactory.getBean(FileStoreAuditingRegistrar.HANDLER, AuditingHandler.class));
        }
        return bean;
    }
}
