/**
 * The opt-in web console ({@code filestore.console.enabled=true}): browse collections and records, run
 * queries with their plans and timing, and watch changes live.
 */
@NullMarked
package io.filestore.boot.autoconfigure.console;

import org.jspecify.annotations.NullMarked;
