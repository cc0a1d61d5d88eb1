/** Auto-configuration of FileStore's Spring Data support: entities, template, transactions and repositories. */
package io.filestore.boot.autoconfigure.data;
