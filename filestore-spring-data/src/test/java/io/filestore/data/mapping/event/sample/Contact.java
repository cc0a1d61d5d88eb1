package io.filestore.data.mapping.event.sample;

/** A subtype of {@link Person}, stored in its collection. */
public class Contact extends Person {
    public String phone;

    public Contact() {
    }

    public Contact(String id, String name, String phone) {
        super(id, name, name + "@x.io");
        this.phone = phone;
    }
}
