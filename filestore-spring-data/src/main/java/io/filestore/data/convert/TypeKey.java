package io.filestore.data.convert;

import org.springframework.data.convert.TypeAliasAccessor;
import org.springframework.data.mapping.Alias;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the type of a document under {@value MappingFileStoreConverter#TYPE_KEY}. */
final class TypeKey implements TypeAliasAccessor<ObjectNode> {
    @Override
    public Alias readAliasFrom(ObjectNode document) {
        JsonNode alias = document.get(MappingFileStoreConverter.TYPE_KEY);
        return alias != null && alias.isString() ? Alias.of(alias.stringValue()) : Alias.NONE;
    }

    @Override
    public void writeTypeTo(ObjectNode document, Object alias) {
        document.put(MappingFileStoreConverter.TYPE_KEY, alias.toString());
    }
}
