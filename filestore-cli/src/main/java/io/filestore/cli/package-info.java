/**
 * The {@code filestore} command-line tool: picocli commands that check, describe, export, import,
 * compact, recover, back up and restore a data folder that no application holds.
 */
@NullMarked
package io.filestore.cli;

import org.jspecify.annotations.NullMarked;
