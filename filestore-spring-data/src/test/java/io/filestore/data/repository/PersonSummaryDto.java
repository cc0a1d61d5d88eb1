package io.filestore.data.repository;

import java.util.Objects;

/** A DTO class of two of {@link Person}'s properties: a no-argument constructor and fields. */
public class PersonSummaryDto {
    String firstname;
    String lastname;

    public PersonSummaryDto() {
    }

    public PersonSummaryDto(String firstname, String lastname) {
        this.firstname = firstname;
        this.lastname = lastname;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonSummaryDto that && Objects.equals(firstname, that.firstname)
                && Objects.equals(lastname, that.lastname);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstname, lastname);
    }

    @Override
    public String toString() {
        return "PersonSummaryDto(" + firstname + ", " + lastname + ")";
    }
}
