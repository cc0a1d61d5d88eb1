package io.filestore.boot.autoconfigure.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import io.filestore.annotation.Document;

/**
 * The entity classes ({@link Document}) of the application, found in its packages when it starts, so
 * that their indexes are declared before the store opens.
 *
 * @param classes the entity classes, in scan order
 */
public record FileStoreEntities(List<Class<?>> classes) {

    public FileStoreEntities {
        classes = List.copyOf(classes);
    }

    /** Finds the {@link Document} classes in the packages (and their sub-packages). */
    public static FileStoreEntities scan(List<String> packages, ClassLoader classLoader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
        Set<Class<?>> found = new LinkedHashSet<>();
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                found.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader));
            }
        }
        return new FileStoreEntities(new ArrayList<>(found));
    }
}
