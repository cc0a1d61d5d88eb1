/** Undo and redo of a store's committed changes, in the manner of TinyBase's Checkpoints. */
@NullMarked
package io.filestore.history;

import org.jspecify.annotations.NullMarked;
