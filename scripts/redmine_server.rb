# Serves Debian's Redmine on 127.0.0.1 with WEBrick, for scripts/check-redmine.sh. `rails server` cannot: the
# package's Gemfile names no web server, so WEBrick is loaded before Bundler restricts the load path.
#   ruby scripts/redmine_server.rb PORT
require 'webrick'
require 'rack'
begin
  require 'rack/handler/webrick'
rescue LoadError
  nil
end
ENV['RAILS_ENV'] ||= 'production'
Dir.chdir('/usr/share/redmine')
require '/usr/share/redmine/config/environment'
handler = defined?(Rack::Handler::WEBrick) ? Rack::Handler::WEBrick : Rackup::Handler::WEBrick
handler.run(Rails.application, Host: '127.0.0.1', Port: Integer(ARGV[0]), AccessLog: [],
            Logger: WEBrick::Log.new($stderr, WEBrick::Log::WARN))
