package io.filestore.data.repository;

import java.util.Objects;

import io.filestore.annotation.Field;

/** An address embedded in {@link Person}, its zip code stored under another name. */
public class Address {
    public String street;
    @Field("zip")
    public String zipCode;
    public String city;

    public Address() {
    }

    public Address(String street, String zipCode, String city) {
        this.street = street;
        this.zipCode = zipCode;
        this.city = city;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Address address && Objects.equals(street, address.street)
                && Objects.equals(zipCode, address.zipCode) && Objects.equals(city, address.city);
    }

    @Override
    public int hashCode() {
        return Objects.hash(street, zipCode, city);
    }

    @Override
    public String toString() {
        return street + ", " + zipCode + " " + city;
    }
}
