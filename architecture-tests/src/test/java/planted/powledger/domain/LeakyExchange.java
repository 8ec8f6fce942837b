package planted.powledger.domain;

/** Planted: the domain reaching into the application layer. */
public class LeakyExchange {
    public Object service() {
        return new planted.powledger.application.RecordingService();
    }
}
