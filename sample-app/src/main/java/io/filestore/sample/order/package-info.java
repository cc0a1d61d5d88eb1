/** Orders of users: the entity, its repository and the REST API. */
package io.filestore.sample.order;
