/**
 * How collections reach the disk: the built-in persisters per strategy, the flush journal that makes a
 * batch all-or-nothing across files, index and value files, and the quarantine. Internal: not for use
 * outside FileStore.
 */
@NullMarked
package io.filestore.internal.persist;

import org.jspecify.annotations.NullMarked;
