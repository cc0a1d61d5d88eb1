package io.filestore.data.convert;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.data.convert.CustomConversions;
import org.springframework.data.mapping.model.SimpleTypeHolder;

import io.filestore.data.mapping.FileStoreMappingContext;

/**
 * The application's own conversions of property values: {@code @WritingConverter}s turn a type into a
 * value FileStore stores as it is (a String, a number, a boolean), {@code @ReadingConverter}s turn such
 * a value back. Declare it as a bean to have the converters used; a type with a writing converter is
 * stored as a value, never as a nested document.
 */
public class FileStoreCustomConversions extends CustomConversions {

    private final SimpleTypeHolder simpleTypes;

    /** No converters of the application's own. */
    public FileStoreCustomConversions() {
        this(List.of());
    }

    /** The given converters ({@code Converter}, {@code GenericConverter} or {@code ConverterFactory} instances). */
    public FileStoreCustomConversions(Collection<?> converters) {
        // Spring Data's default converters (an Instant written as a Date...) are for stores that cannot
        // hold JDK types; Jackson writes every one of them, so only the application's converters apply
        super(new ConverterConfiguration(StoreConversions.of(FileStoreMappingContext.SIMPLE_TYPES), List.copyOf(converters),
                defaultConverter -> false));
        SimpleTypeHolder converted = super.getSimpleTypeHolder(); // copies the store's listed types, not its rule
        this.simpleTypes = new SimpleTypeHolder(Set.of(), false) {
            @Override
            public boolean isSimpleType(Class<?> type) {
                return FileStoreMappingContext.SIMPLE_TYPES.isSimpleType(type) || converted.isSimpleType(type);
            }
        };
    }

    /** FileStore's value types and the types the application's writing converters convert. */
    @Override
    public SimpleTypeHolder getSimpleTypeHolder() {
        return simpleTypes;
    }

    @Override
    public boolean isSimpleType(Class<?> type) {
        return simpleTypes.isSimpleType(type);
    }
}
