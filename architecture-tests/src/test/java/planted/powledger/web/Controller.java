package planted.powledger.web;

/** Planted: the web adapter talking to the store directly. */
public class Controller {
    public Object store() {
        return new planted.powledger.persistence.SqliteThing();
    }
}
