/** Spring Data repositories over FileStore collections. */
package io.filestore.data.repository;
