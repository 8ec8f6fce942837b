package planted.powledger.persistence;

/** Planted: the store calling back into the web adapter (which calls the store: a cycle). */
public class SqliteThing {
    public String route() {
        return planted.powledger.web.Controller.class.getName() + new Object() { }.getClass();
    }

    public Object web() {
        return new planted.powledger.web.Controller();
    }
}
