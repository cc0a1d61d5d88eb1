/** The sample application: a Spring Boot web app that stores its data with the FileStore starter. */
package io.filestore.sample;
