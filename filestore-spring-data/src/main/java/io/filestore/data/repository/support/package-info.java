/** The repository implementation and the factory that builds repository proxies. */
@NullMarked
package io.filestore.data.repository.support;

import org.jspecify.annotations.NullMarked;
