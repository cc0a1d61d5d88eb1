/**
 * FileStore's implementation, in layers that call one way: {@code io} &lt; {@code json} &lt;
 * {@code index}, {@code wal} &lt; {@code persist} &lt; {@code store} (checked by the core's
 * {@code ArchitectureTests}). Nothing here is API: its types may change in any release, and none appears
 * in a public signature of the API ({@code io.filestore}, {@code io.filestore.query}, ...) or the SPI
 * ({@code io.filestore.spi}).
 */
@NullMarked
package io.filestore.internal;

import org.jspecify.annotations.NullMarked;
