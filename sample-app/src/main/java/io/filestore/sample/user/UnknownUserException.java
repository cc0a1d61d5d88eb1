package io.filestore.sample.user;

/** A request named a user that does not exist (a 400: the request, not the URL, is wrong). */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(String id) {
        super("No user with id '" + id + "'");
    }
}
