/** Undo and redo of a store's committed changes, in the manner of TinyBase's Checkpoints. */
package io.filestore.history;
