fn main() {
    woonkans_web::start();
}
