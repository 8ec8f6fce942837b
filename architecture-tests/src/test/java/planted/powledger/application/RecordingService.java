package planted.powledger.application;

/** Planted: a use case reaching into an adapter. */
public class RecordingService {
    public Object store() {
        return new planted.powledger.persistence.SqliteThing();
    }
}
