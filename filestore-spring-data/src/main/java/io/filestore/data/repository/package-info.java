/** Spring Data repositories over FileStore collections. */
@NullMarked
package io.filestore.data.repository;

import org.jspecify.annotations.NullMarked;
