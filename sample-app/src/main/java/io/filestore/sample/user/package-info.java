/** Users: the entity, its repository, the transactional service that audits each change, and the REST API. */
package io.filestore.sample.user;
