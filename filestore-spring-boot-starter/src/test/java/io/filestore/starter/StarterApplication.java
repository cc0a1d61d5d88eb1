package io.filestore.starter;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application that declares nothing but {@code @SpringBootApplication}: no
 * {@code @EnableTransactionManagement}, no {@code @EnableSpringDataWebSupport}.
 */
@SpringBootApplication
public class StarterApplication {
}
