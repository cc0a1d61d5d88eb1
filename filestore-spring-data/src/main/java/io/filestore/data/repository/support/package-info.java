/** The repository implementation and the factory that builds repository proxies. */
package io.filestore.data.repository.support;
