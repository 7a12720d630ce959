package jlab.doctor;

import java.util.Objects;

/**
 * One row of the doctor's table: which {@code check}, its {@code status}, what was {@code found} on this
 * machine and, when it is not OK, {@code whatToDo} about it (empty otherwise).
 */
public record Finding(String check, Status status, String found, String whatToDo) {

    public Finding {
        Objects.requireNonNull(check);
        Objects.requireNonNull(status);
        Objects.requireNonNull(found);
        Objects.requireNonNull(whatToDo);
    }

    static Finding ok(String check, String found) {
        return new Finding(check, Status.OK, found, "");
    }

    static Finding warn(String check, String found, String whatToDo) {
        return new Finding(check, Status.WARN, found, whatToDo);
    }

    static Finding fail(String check, String found, String whatToDo) {
        return new Finding(check, Status.FAIL, found, whatToDo);
    }
}
